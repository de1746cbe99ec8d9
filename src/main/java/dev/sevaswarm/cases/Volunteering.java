package dev.sevaswarm.cases;

import static dev.sevaswarm.cases.Playbook.Var;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** An engineer offers to investigate one more area of a case that is being investigated. */
@Service
public class Volunteering {

  /** The case has no investigation running that an area could be added to. */
  public static class NothingToJoin extends IllegalStateException {
    NothingToJoin(String caseId) {
      super("Case " + caseId + " has no investigation running to add an area to");
    }
  }

  private final RuntimeService runtime;

  public Volunteering(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The case's swarm while it investigates areas (the only time an area can be joined). */
  public Optional<ProcessInstance> investigating(String caseId) {
    Optional<ProcessInstance> swarm = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(Playbook.Process.SEV_A_SWARM).active().list().stream().findFirst();
    return swarm.filter(s -> ActivityInstances.find(runtime.getActivityInstance(s.getId()),
        Playbook.Element.INVESTIGATION_BODY).isPresent());
  }

  public void volunteer(String caseId, String area, String volunteer) {
    String normalised = area.trim().toLowerCase(Locale.ROOT);
    Optional<ProcessInstance> swarm = investigating(caseId);
    if (swarm.isEmpty()) {
      throw new NothingToJoin(caseId);
    }
    runtime.createMessageCorrelation(Playbook.Message.AREA_VOLUNTEERED)
        .processInstanceId(swarm.get().getId())
        .setVariableLocal(Var.AREA, normalised)
        .setVariableLocal(Var.VOLUNTEERED_BY, volunteer)
        .correlate();
  }
}
