package dev.sevaswarm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The start-up rehearsal ends by waiting until the JIT compiler has finished with what it made hot.
 * Work of ours that runs after it, still before the readiness probe turns to accepting traffic,
 * would make the first case share the two cores with the compiler again: the Japanese words for
 * Cockpit and Admin did, parsing and writing two large JSON files after the wait.
 */
class StartUpOrderTest {

  @Test
  void everyOtherStartUpStepOfOurs_runsBeforeTheRehearsal() throws Exception {
    int rehearsal = StartUpRehearsal.class.getMethod("run").getAnnotation(Order.class).value();
    List<String> afterIt = new ArrayList<>();
    List<String> before = new ArrayList<>();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (BeanDefinition bean : scanner.findCandidateComponents("dev.sevaswarm")) {
      Class<?> type = ClassUtils.forName(bean.getBeanClassName(), getClass().getClassLoader());
      for (Method method : type.getDeclaredMethods()) {
        if (!onReady(method) || type == StartUpRehearsal.class) {
          continue;
        }
        Order order = method.getAnnotation(Order.class);
        String name = type.getSimpleName() + "." + method.getName();
        (order != null && order.value() < rehearsal ? before : afterIt).add(name);
      }
    }

    assertThat(before).as("the start-up steps found").contains("WebappTranslations.prepare", "AccessSetup.setUp");
    assertThat(afterIt).as("start-up steps unordered or ordered after the rehearsal (@Order below %d)", rehearsal)
        .isEmpty();
  }

  /**
   * {@code @EventListener(ApplicationReadyEvent.class)}, or an event listener taking that event
   * (Spring merges the annotation's {@code value} and its alias {@code classes}).
   */
  private static boolean onReady(Method method) {
    EventListener listener = AnnotatedElementUtils.findMergedAnnotation(method, EventListener.class);
    if (listener == null) {
      return false;
    }
    Class<?>[] events = listener.classes().length > 0 ? listener.classes() : method.getParameterTypes();
    return Arrays.asList(events).contains(ApplicationReadyEvent.class);
  }
}
