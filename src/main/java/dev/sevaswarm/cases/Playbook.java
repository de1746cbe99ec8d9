package dev.sevaswarm.cases;

import java.util.List;

/**
 * The one catalogue of names the playbook (BPMN, DMN, forms) and the Java code share.
 * A name changed in a diagram is changed here too, and nowhere else.
 */
public final class Playbook {

  private Playbook() {}

  /** Process definition keys. */
  public static final class Process {
    public static final String SUPPORT_REQUEST = "support-request";
    public static final String SEV_A_SWARM = "sev-a-swarm";
    public static final String CASE_NOTIFICATION = "case-notification";
    public static final String VOLUNTEER_FOR_AREA = "volunteer-for-area";
    /** The loop that invites experts to an area's investigation, called beside the area's task. */
    public static final String INVITE_EXPERT = "invite-expert";
    /** Waits for the end of the owner's shift (less a lead time), then asks for a handover. */
    public static final String FOLLOW_THE_SUN = "follow-the-sun";

    private Process() {}
  }

  /** Decision keys. */
  public static final class Decision {
    public static final String RESPONSE_TIMES = "response-times";
    public static final String ISOLATION_ROUTING = "isolation-routing";
    public static final String INVITATION_TIMES = "invitation-times";
    /** How long before the owner's shift ends the case is handed over (in invitation-times.dmn). */
    public static final String HANDOVER_LEAD = "handover-lead";

    private Decision() {}
  }

  /** User task keys (the task ids in the diagrams). */
  public static final class Task {
    public static final String TAKE_OWNERSHIP = "take-ownership";
    public static final String INVESTIGATE_AREA = "investigate-area";
    public static final String UPDATE_CUSTOMER = "update-customer";
    public static final String HANDLE_ESCALATION = "handle-escalation";
    public static final String CONFIRM_RESOLUTION = "confirm-resolution";
    public static final String PLAN_NEXT_STEP = "plan-next-step";
    public static final String POST_INCIDENT_REVIEW = "post-incident-review";
    public static final String HANDLE_CASE = "handle-case";
    /** Follow the sun: the owner writes the brief for whoever takes over. */
    public static final String HAND_OVER = "hand-over";
    /** Follow the sun: an on-shift Sev A engineer takes the case over. */
    public static final String TAKE_OVER = "take-over";

    private Task() {}
  }

  /** Other flow elements that code or tests address. */
  public static final class Element {
    public static final String INVESTIGATION = "SubProcess_InvestigateArea";
    public static final String INVESTIGATION_BODY = INVESTIGATION + "#multiInstanceBody";
    public static final String SWARM = "SubProcess_Swarm";
    public static final String SWARM_CALL = "CallActivity_SevASwarm";
    /** The case is recorded and the request answered; the rest of the intake runs as a job after it. */
    public static final String RECORD_CASE = "ServiceTask_RecordCase";
    /** The timer of the next-action watch: due when the team should be asked for help. */
    public static final String NEXT_ACTION_WATCH = "Timer_NextActionWatch";
    /** The loop that invites the best-ranked expert on shift to an area's investigation. */
    public static final String INVITATION_LOOP = "SubProcess_InviteExperts";
    /** Its timer: how long an invitee has to answer before the next is asked. */
    public static final String INVITATION_TIMEOUT = "Timer_InvitationUnanswered";
    /** The follow-the-sun watch's timer: the owner's shift ends (less the lead time). */
    public static final String SHIFT_ENDS = "Timer_ShiftEnds";

    private Element() {}
  }

  /** Message names. */
  public static final class Message {
    public static final String RAISE_TO_SEV_A = "RaiseToSevA";
    public static final String AREA_VOLUNTEERED = "AreaVolunteered";
    public static final String ESCALATION_REQUESTED = "EscalationRequested";
    public static final String CUSTOMER_UNAVAILABLE = "CustomerUnavailable";
    /** An invitee answered (accepted or declined) their invitation. */
    public static final String INVITATION_ANSWERED = "InvitationAnswered";
    /** The owner's shift ends, or they hand the case over on purpose. */
    public static final String HANDOVER_REQUESTED = "HandoverRequested";

    private Message() {}
  }

  /** BPMN error codes. */
  public static final class Error {
    public static final String RAISE_REFUSED = "RAISE_REFUSED";

    private Error() {}
  }

  /** Camunda groups of PRODUCT.md. */
  public static final class Group {
    public static final String SUPPORT_INTAKE = "support-intake";
    public static final String SEV_A_ENGINEERS = "sev-a-engineers";
    public static final String PLATFORM = "platform";
    public static final String STORAGE = "storage";
    public static final String NETWORK = "network";
    public static final String GUEST_OS = "guest-os";
    public static final String APPLICATION = "application";
    public static final String DUTY_MANAGERS = "duty-managers";
    public static final String ACCOUNT_TEAM = "account-team";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String AUDITORS = "auditors";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** The isolation areas, each the group that investigates it, in the order people read them. */
    public static final List<String> AREAS = List.of(PLATFORM, STORAGE, NETWORK, GUEST_OS, APPLICATION);

    private Group() {}
  }

  /** Process variable names. */
  public static final class Var {
    // intake
    public static final String CASE_ID = "caseId";
    public static final String EXTERNAL_ID = "externalId";
    public static final String CUSTOMER = "customer";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String SEVERITY = "severity";
    public static final String PLAN = "plan";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String BUSINESS_IMPACT = "businessImpact";
    public static final String RECOVER_BY = "recoverBy";
    public static final String SERVICES = "services";
    public static final String REQUESTED_BY = "requestedBy";
    /** The customer's language (en, ja) and IANA time zone, from the start form. */
    public static final String LOCALE = "locale";
    public static final String TIME_ZONE = "timeZone";
    // SLA
    public static final String RESPONSE_TIMES = "responseTimes";
    public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
    public static final String FIRST_RESPONSE_WARNING_AT = "firstResponseWarningAt";
    public static final String FIRST_RESPONSE_AT = "firstResponseAt";
    public static final String ESCALATION_DUE = "escalationDue";
    public static final String UPDATE_CADENCE_MINUTES = "updateCadenceMinutes";
    public static final String SLA_BREACHED = "slaBreached";
    public static final String SLA_STARTED_AT = "slaStartedAt";
    // ownership and investigation
    public static final String OWNER = "owner";
    public static final String FIRST_RESPONSE = "firstResponse";
    public static final String ISOLATION_AREAS = "isolationAreas";
    public static final String NEXT_CONTACT_AT = "nextContactAt";
    /** When the update-customer task appears: the promised contact minus the lead time. */
    public static final String UPDATE_TASK_AT = "updateTaskAt";
    public static final String UPDATE_LEAD_MINUTES = "updateLeadMinutes";
    public static final String NEXT_ACTION = "nextAction";
    public static final String NEXT_ACTION_DUE = "nextActionDue";
    /** When the team is asked to help: the next action's due time plus the grace from the table. */
    public static final String NEXT_ACTION_HELP_AT = "nextActionHelpAt";
    public static final String NEXT_ACTION_GRACE_MINUTES = "nextActionGraceMinutes";
    /** When the next-action watch looks again (its timer); moved whenever the next action changes. */
    public static final String NEXT_ACTION_WATCH_AT = "nextActionWatchAt";
    /** The help time the team was last asked about, so one overdue next action asks once. */
    public static final String NEXT_ACTION_HELP_ASKED = "nextActionHelpAsked";
    public static final String AREA = "area";
    public static final String AREA_GROUP = "areaGroup";
    public static final String FINDING = "finding";
    public static final String VERDICT = "verdict";
    public static final String ROOT_CAUSE_FOUND = "rootCauseFound";
    /** A task variable the take-ownership form shows: who to ask, per area, on shift first. */
    public static final String EXPERT_SUGGESTIONS = "expertSuggestions";
    /** A task variable the plan-next-step form shows: the findings of the case so far. */
    public static final String FINDINGS_SO_FAR = "findingsSoFar";
    public static final String VOLUNTEERED_BY = "volunteeredBy";
    /** Who joined an area (local to that investigation): its task is theirs when offered to their group. */
    public static final String JOINED_BY = "joinedBy";
    // invitations (local to an investigation's invitation loop)
    public static final String INVITATION_ID = "invitationId";
    /** What the invite step found: INVITED (someone asked), TAKEN (the area is worked on), NOBODY (nobody to ask). */
    public static final String INVITATION_OUTCOME = "invitationOutcome";
    /** The invitee's answer: ACCEPTED or DECLINED. */
    public static final String INVITATION_ANSWER = "invitationAnswer";
    /** How long an invitee has to answer (ISO-8601 duration, from the invitation-times decision). */
    public static final String ANSWER_WITHIN = "answerWithin";
    /** The invitation "area" of a take-over: the case's ownership. */
    public static final String OWNER_AREA = "owner";
    // follow the sun
    public static final String HANDOVER_BRIEF = "handoverBrief";
    public static final String TAKE_OVER_NOTE = "takeOverNote";
    /** When the follow-the-sun watch asks for a handover (the owner's shift end less the lead time). */
    public static final String HANDOVER_DUE = "handoverDue";
    /** The owner the watch watches (a new owner ends the old watch). */
    public static final String WATCHED_OWNER = "watchedOwner";
    public static final String ESCALATE = "escalate";
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String DECISION = "decision";
    public static final String UPDATE_TEXT = "updateText";
    public static final String UPDATE_COUNT = "updateCount";
    // resolution
    public static final String ROOT_CAUSE = "rootCause";
    public static final String RESOLUTION = "resolution";
    public static final String CUSTOMER_CONFIRMED = "customerConfirmed";
    public static final String SUMMARY = "summary";
    public static final String ACTIONS = "actions";
    // B/C handling
    public static final String RAISE_TO_SEV_A = "raiseToSevA";
    public static final String RAISED = "raised";
    public static final String DOWNGRADED = "downgraded";
    // notifications: one Json variable per step that published, its events each with these fields
    // (one event with one target before 2026-11-30, separate variables before 2026-11-29)
    public static final String NOTIFICATION = "notification";
    public static final String EVENTS = "events";
    public static final String EVENT = "event";
    public static final String EVENT_KEY = "eventKey";
    public static final String TARGETS = "targets";
    public static final String TARGET = "target";
    public static final String DETAILS = "details";
    public static final String PUBLISHED_AT = "publishedAt";

    private Var() {}
  }
}
