package dev.sevaswarm.intake;

import static dev.sevaswarm.cases.Playbook.Var;

import dev.sevaswarm.cases.ApiException;
import dev.sevaswarm.cases.CaseClock;
import dev.sevaswarm.cases.CaseRepository;
import dev.sevaswarm.cases.SupportCase;
import dev.sevaswarm.identity.Caller;
import dev.sevaswarm.sla.ResponseTimesTable;
import dev.sevaswarm.sla.ResponseTimesTable.Promise;
import dev.sevaswarm.sla.SlaClock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens cases from the API, once per external id: the intake record (with its unique external id)
 * and the process start commit together, so a repeated or concurrent request finds the first case
 * and starts nothing. The request's transaction ends at the playbook's save point after "Record
 * case"; deciding response times, the swarm and its announcements follow as jobs. On the embedded
 * H2 an answered case is kept by the {@link IntakeJournal} until the database has it on disk.
 */
@Service
public class CaseIntake implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(CaseIntake.class);

  /** The outcome: the case, and whether this request created it. */
  public record Opened(SupportCase supportCase, boolean created) {}

  private final CaseRepository cases;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ResponseTimesTable responseTimes;
  private final TransactionTemplate transaction;
  private final IntakeJournal journal;

  public CaseIntake(CaseRepository cases, RuntimeService runtime, IdentityService identity,
      ResponseTimesTable responseTimes, PlatformTransactionManager transactions, IntakeJournal journal) {
    this.journal = journal;
    this.cases = cases;
    this.runtime = runtime;
    this.identity = identity;
    this.responseTimes = responseTimes;
    this.transaction = new TransactionTemplate(transactions);
  }

  public Opened open(CaseRequest request) {
    Caller caller = Caller.current(identity);
    Optional<SupportCase> existing = cases.findByExternalId(request.externalId());
    if (existing.isPresent()) {
      return new Opened(existing.get(), false);
    }
    Promise promise = Caller.asSystem(identity, () -> responseTimes.promise(request.severity(), request.plan()));
    if (!promise.times().supported()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The " + request.plan()
          + " plan includes no technical support for Sev " + request.severity() + " requests");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        SupportCase opened = transaction.execute(status -> start(request, promise, caller));
        journal.answered(new IntakeJournal.Line(opened.caseId(), opened.createdAt(), caller,
            promise.playbook().getId(), request));
        return new Opened(opened, true);
      } catch (DataIntegrityViolationException | TransientDataAccessException concurrent) {
        // another request with the same external id got there first (or is still writing it:
        // the database made this one wait and gave up, so ask again)
        Optional<SupportCase> first = cases.findByExternalId(request.externalId());
        if (first.isPresent()) {
          return new Opened(first.get(), false);
        }
        if (attempt == 3) {
          throw concurrent;
        }
      }
    }
  }

  /**
   * Opens the example case under the given id in the caller's transaction, which the caller rolls
   * back: the start-up rehearsal (no case number is taken, nobody is told).
   */
  SupportCase rehearse(CaseRequest example, String caseId) {
    Promise promise = Caller.asSystem(identity, () -> responseTimes.promise(example.severity(), example.plan()));
    return start(example, promise, Caller.current(identity), caseId, CaseClock.now());
  }

  /**
   * Opens again, as they were answered, the cases of the intake journal that the database lost when
   * the application stopped (killed, or the machine lost power) within half a second of their answer:
   * same case number, arrival time, caller and playbook. Then the journal begins afresh.
   */
  @Override
  public void afterSingletonsInstantiated() {
    if (!journal.on()) {
      return;
    }
    long highest = 0;
    for (IntakeJournal.Line line : journal.left()) {
      highest = Math.max(highest, CaseRepository.number(line.caseId()));
      if (cases.find(line.caseId()).isPresent()) {
        continue;
      }
      identity.setAuthentication(line.userId(), line.groups());
      try {
        Promise promise = Caller.asSystem(identity, () -> responseTimes.promiseOf(line.playbook(),
            line.request().severity(), line.request().plan()));
        transaction.execute(status -> start(line.request(), promise, line.caller(), line.caseId(), line.received()));
      } finally {
        identity.clearAuthentication();
      }
      LOG.warn("Case {} ({}) was answered before the application stopped and lost by the database: opened again"
          + " from the intake journal", line.caseId(), line.request().externalId());
    }
    cases.numbersAfter(highest);
    journal.begin();
  }

  private SupportCase start(CaseRequest request, Promise promise, Caller caller) {
    return start(request, promise, caller, cases.nextCaseId(), CaseClock.now());
  }

  private SupportCase start(CaseRequest request, Promise promise, Caller caller, String caseId,
      OffsetDateTime received) {
    // the clock runs from the request's arrival, so the answer can promise the first-response time;
    // the playbook's "Start first-response clock" step, which runs after the answer, computes the same
    SlaClock clock = SlaClock.start(received, promise.times());
    SupportCase supportCase = SupportCase.reported(caseId, request.externalId(), request.customer(),
        request.contactName(), request.contactEmail(), request.severity(), request.plan(), request.title(),
        request.description(), request.businessImpact(), request.recoverBy(),
        request.services() == null ? List.of() : request.services(), caller.userId(), received, null)
        .withSla(clock.startedAt(), clock.firstResponseDue());
    cases.insert(supportCase);
    if (request.locale() != null || request.timeZone() != null) {
      cases.customerLocale(caseId, request.locale(), request.timeZone());
    }
    // started as the caller (history shows who opened the case), on the playbook whose table made the
    // promise: not the newest at this moment, which a deployment in between could have changed
    String processInstanceId = runtime.createProcessInstanceById(promise.playbook().getId())
        .businessKey(caseId)
        .setVariables(Variables.createVariables()
            .putValue(Var.CASE_ID, caseId)
            .putValue(Var.EXTERNAL_ID, request.externalId())
            .putValue(Var.CUSTOMER, request.customer())
            .putValue(Var.CONTACT_NAME, request.contactName())
            .putValue(Var.CONTACT_EMAIL, request.contactEmail())
            .putValue(Var.SEVERITY, request.severity().name())
            .putValue(Var.PLAN, request.plan().name())
            .putValue(Var.TITLE, request.title())
            .putValue(Var.DESCRIPTION, request.description())
            .putValue(Var.BUSINESS_IMPACT, request.businessImpact())
            .putValue(Var.RECOVER_BY, CaseClock.format(request.recoverBy()))
            // a Json list (kept as bytes): 50 services of 100 characters outgrow a String variable
            .putValueTyped(Var.SERVICES, SpinValues.jsonValue(Spin.JSON(supportCase.services()).toString()).create()))
        // (requestedBy is the start event's initiator: the engine sets it to the caller)
        .execute().getId();
    // as "Record case" has just attached it to the record
    return supportCase.withProcessInstance(processInstanceId);
  }
}
