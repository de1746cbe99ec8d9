package dev.sevaswarm.playbook;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.PlaybookExpression;
import dev.sevaswarm.cases.VariableLists;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The areas the owner picked, as the collection of the parallel investigation. */
@PlaybookExpression
@Component("playbookAreas")
public class PlaybookAreas {

  public List<String> toInvestigate(DelegateExecution execution) {
    return areas(execution.getVariable(Var.ISOLATION_AREAS));
  }

  static List<String> areas(Object value) {
    return VariableLists.strings(value).stream().map(area -> area.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
