package dev.sevaswarm.playbook;

import dev.sevaswarm.notify.NotificationEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A step whose whole job is to announce an event, with the named variables as its details. */
abstract class AnnouncingDelegate implements JavaDelegate {

  private final CaseEvents events;
  private final NotificationEvent event;
  private final String[] detailVariables;

  AnnouncingDelegate(CaseEvents events, NotificationEvent event, String... detailVariables) {
    this.events = events;
    this.event = event;
    this.detailVariables = detailVariables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.announce(execution, event, detailVariables);
  }
}
