package dev.sevaswarm.room;

import dev.sevaswarm.cases.Playbook;
import dev.sevaswarm.cases.Times;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.notify.CaseState;
import dev.sevaswarm.notify.MessageComposer;
import dev.sevaswarm.notify.ComposedMessage.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/** The room's view of a case for a chat thread's parent message, and the case's owner for the doors. */
@Component
public class RoomState implements CaseState {

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final NextActions nextActions;
  private final Investigations investigations;
  private final MessageComposer words;

  public RoomState(RuntimeService runtime, IdentityService identity, NextActions nextActions,
      Investigations investigations, MessageComposer words) {
    this.words = words;
    this.runtime = runtime;
    this.identity = identity;
    this.nextActions = nextActions;
    this.investigations = investigations;
  }

  @Override
  public List<Fact> of(String caseId) {
    List<Fact> facts = new ArrayList<>();
    Caller.asSystem(identity, () -> {
      variable(caseId, Playbook.Var.OWNER).ifPresent(owner -> facts.add(new Fact(words.teamWord("team.fact.owner"),
          owner, OWNER)));
      nextActions.of(caseId).ifPresent(a -> facts.add(new Fact(words.teamWord("team.fact.nextAction"),
          words.teamWord("team.nextAction.by", a.text(), words.teamTime(a.due())), Playbook.Var.NEXT_ACTION)));
      variable(caseId, Playbook.Var.NEXT_CONTACT_AT).flatMap(Times::parse).ifPresent(t -> facts.add(new Fact(
          words.teamWord("team.fact.nextCustomerContact"), words.teamTime(t), Playbook.Var.NEXT_CONTACT_AT)));
      List<String> areas = investigations.of(caseId).stream()
          .map(i -> i.area() + ": " + (i.assignee() == null ? i.status().name() : i.assignee() + " " + i.status().name())
              + (i.verdict() == null ? "" : " (" + i.verdict() + ")"))
          .toList();
      if (!areas.isEmpty()) {
        facts.add(new Fact(words.teamWord("team.fact.areas"), String.join("\n", areas), "areas"));
      }
      return null;
    });
    return facts;
  }

  @Override
  public List<String> joinableAreas() {
    return Playbook.Group.AREAS;
  }

  /** The case's owner, if it has one (a variable of its running processes). */
  public Optional<String> owner(String caseId) {
    return Caller.asSystem(identity, () -> variable(caseId, Playbook.Var.OWNER));
  }

  private Optional<String> variable(String caseId, String name) {
    List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).active().list()
        .stream().map(ProcessInstance::getId).toList();
    if (running.isEmpty()) {
      return Optional.empty();
    }
    return runtime.createVariableInstanceQuery().processInstanceIdIn(running.toArray(String[]::new))
        .variableName(name).list().stream().map(VariableInstance::getValue).filter(Objects::nonNull)
        .map(Object::toString).reduce((first, later) -> later);
  }
}
