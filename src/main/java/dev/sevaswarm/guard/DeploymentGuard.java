package dev.sevaswarm.guard;

import dev.sevaswarm.cases.PlaybookExpression;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The deployment door. Deploying a diagram is deploying code, so every new deployment (from
 * Modeler, Cockpit, the REST API or start-up) is read before the engine takes it, and refused,
 * naming the element, when it holds what would run outside the playbook: scripts, Java classes,
 * connectors, HTML forms (they run in engineers' browsers), or expressions reaching past process
 * variables and the playbook's own beans. DMN tables must be FEEL.
 */
public class DeploymentGuard implements Deployer {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Set<String> REFUSED_RESOURCES = Set.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml", ".html", ".htm",
      ".js", ".groovy", ".py", ".rb", ".jar", ".class");
  private static final Set<String> DIAGRAMS = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml");

  private final ListableBeanFactory beans;
  private final PlaybookExpressions.Beans playbookBeans = playbookBeans();

  public DeploymentGuard(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a deployment already let in, read again into the engine's cache
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      check(resource.getName(), resource.getBytes()).ifPresent(problem -> {
        throw new BadUserRequestException("The deployment is refused: " + problem);
      });
    }
  }

  /** The first problem of one resource, if it has one. */
  Optional<String> check(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (REFUSED_RESOURCES.stream().anyMatch(lower::endsWith)) {
      return Optional.of(name + ": a playbook holds diagrams, decision tables and Camunda Forms, not " + name);
    }
    if (DIAGRAMS.stream().noneMatch(lower::endsWith)) {
      return Optional.empty();
    }
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
    } catch (Exception unreadable) {
      return Optional.of(name + ": not readable XML (" + unreadable.getMessage() + ")");
    }
    return element(root, name);
  }

  private Optional<String> element(Element element, String resource) {
    Optional<String> problem = own(element).map(p -> resource + ": " + describe(element) + " " + p);
    if (problem.isPresent()) {
      return problem;
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        problem = element(childElement, resource);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        problem = PlaybookExpressions.problem(child.getNodeValue(), playbookBeans)
            .map(p -> resource + ": " + describe(element) + " " + p);
      }
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> own(Element element) {
    String local = element.getLocalName();
    if ("scriptTask".equals(local)) {
      return Optional.of("is a script task: scripts run as the engine; use a service task with a playbook delegate");
    }
    if (CAMUNDA_NS.equals(element.getNamespaceURI()) && ("script".equals(local) || "connector".equals(local))) {
      return Optional.of("holds a camunda:" + local + ": it would run outside the playbook");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      if (attributeName.equals("scriptFormat") || (attributeName.equals("language") && !value.isBlank())) {
        return Optional.of("holds a script (" + attributeName + "=\"" + value + "\")");
      }
      if (CAMUNDA_NS.equals(attribute.getNamespaceURI())
          && (attributeName.equals("class") || attributeName.endsWith("Class"))) {
        return Optional.of("names a Java class (camunda:" + attributeName + "=\"" + value
            + "\"): use a delegate expression naming a playbook bean");
      }
      if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && attributeName.equals("formKey")
          && !value.startsWith("camunda-forms:")) {
        return Optional.of("uses an HTML form (camunda:formKey=\"" + value + "\"): use a Camunda Form (formRef)");
      }
      if (attributeName.equals("expressionLanguage") && !value.toLowerCase(Locale.ROOT).contains("feel")) {
        return Optional.of("uses the expression language " + value + ": decision tables are FEEL only");
      }
      Optional<String> expression = PlaybookExpressions.problem(value, playbookBeans);
      if (expression.isPresent()) {
        return Optional.of("(" + attributeName + "): " + expression.get());
      }
    }
    return Optional.empty();
  }

  private static String describe(Element element) {
    String id = element.getAttribute("id");
    String name = element.getAttribute("name");
    Node parent = element;
    while (id.isEmpty() && parent.getParentNode() instanceof Element owner) {
      parent = owner;
      id = owner.getAttribute("id");
      name = owner.getAttribute("name");
    }
    return element.getLocalName() + (id.isEmpty() ? "" : " '" + id + "'") + (name.isEmpty() ? "" : " (" + name + ")");
  }

  /** The application's beans as a diagram sees them. */
  private PlaybookExpressions.Beans playbookBeans() {
    return new PlaybookExpressions.Beans() {
      @Override
      public Optional<Set<String>> membersOf(String name) {
        if (!beans.containsBean(name)) {
          return Optional.empty();
        }
        Class<?> type = beans.getType(name);
        if (type == null || !type.getName().startsWith("dev.sevaswarm.")) {
          return Optional.empty();
        }
        Class<?> user = ClassUtils.getUserClass(type);
        if (user.isAnnotationPresent(PlaybookExpression.class)) {
          return Optional.of(publicMembers(user));
        }
        boolean step = JavaDelegate.class.isAssignableFrom(user) || TaskListener.class.isAssignableFrom(user)
            || ExecutionListener.class.isAssignableFrom(user);
        return step ? Optional.of(Set.of()) : Optional.empty();
      }

      @Override
      public boolean isOtherBean(String name) {
        return beans.containsBean(name) && membersOf(name).isEmpty();
      }
    };
  }

  /** The public methods a class declares itself, and the properties its getters name. */
  private static Set<String> publicMembers(Class<?> type) {
    Set<String> members = new HashSet<>();
    Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName).forEach(method -> {
          members.add(method);
          if (method.startsWith("get") && method.length() > 3) {
            members.add(Character.toLowerCase(method.charAt(3)) + method.substring(4));
          }
        });
    return members;
  }
}
