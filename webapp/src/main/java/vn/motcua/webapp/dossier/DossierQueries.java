package vn.motcua.webapp.dossier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.processes.legaltime.LegalCalendar;
import vn.motcua.webapp.people.AgencyRole;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.ApiException;

/** Reads dossiers for people, from the read model only. */
@Service
@Transactional(readOnly = true)
public class DossierQueries {

  private final DossierRepository dossiers;
  private final DossierStageRepository stages;
  private final DossierRequirementRepository requirements;
  private final DossierAccess access;
  private final DossierCommentRepository comments;
  private final DossierJournal journal;
  private final Places places;
  private final LegalCalendar calendar;
  private final MessageSource messages;
  private final Clock clock;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  DossierQueries(DossierRepository dossiers, DossierStageRepository stages, DossierRequirementRepository requirements,
      DossierAccess access, DossierCommentRepository comments, DossierJournal journal, Places places,
      LegalCalendar calendar, MessageSource messages, Clock clock, com.fasterxml.jackson.databind.ObjectMapper json) {
    this.dossiers = dossiers;
    this.stages = stages;
    this.requirements = requirements;
    this.access = access;
    this.comments = comments;
    this.journal = journal;
    this.places = places;
    this.calendar = calendar;
    this.messages = messages;
    this.clock = clock;
    this.json = json;
  }
  /** The dossiers finished in a period that had a legal deadline (for replays of past work against other rules). */
  public List<Dossier> finishedWithDeadline(java.time.Instant from, java.time.Instant to) {
    return dossiers.findByFinishedAtGreaterThanEqualAndFinishedAtLessThanAndDeadlineIsNotNull(from, to);
  }


  public DossierView view(String receiptCode, Staff staff) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!access.canView(staff, dossier)) {
      throw ApiException.notFound("error.dossier.notFound", receiptCode);
    }
    return view(dossier);
  }

  public Optional<Dossier> find(String receiptCode) {
    return dossiers.findByReceiptCode(receiptCode);
  }

  public Dossier byId(Long id) {
    return dossiers.findById(id).orElseThrow(() -> ApiException.notFound("error.dossier.notFound", id));
  }

  /** The documents the dossier's checklist asked for, in order (Vietnamese names, with the form of each). */
  public List<DossierRequirement> requirementsOf(Long dossierId) {
    return requirements.findByDossierIdOrderByIdAsc(dossierId);
  }

  /** Comments and audit trail of a dossier the person may see. */
  public DossierHistory history(String receiptCode, Staff staff) {
    Dossier dossier = dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode));
    if (!access.canView(staff, dossier)) {
      throw ApiException.notFound("error.dossier.notFound", receiptCode);
    }
    return new DossierHistory(
        comments.findByDossierIdOrderByWrittenAtAscIdAsc(dossier.getId()).stream()
            .map(c -> new DossierHistory.Comment(c.getAuthor(), time(c.getWrittenAt()), c.getStep(), c.getText()))
            .toList(),
        journal.trail(dossier.getId()).stream()
            .map(a -> new DossierHistory.Entry(time(a.getAt()), a.getActor(), a.getAction(), a.getStep(),
                a.getDetail(), summary(a)))
            .toList());
  }

  private static final java.util.Set<DossierAudit.Action> LEGAL_TIME = java.util.EnumSet.of(
      DossierAudit.Action.STAGE_STARTED, DossierAudit.Action.CLOCK_PAUSED, DossierAudit.Action.CLOCK_RESUMED,
      DossierAudit.Action.DEADLINE_EXTENDED, DossierAudit.Action.DEADLINE_RECOUNTED, DossierAudit.Action.STAGE_WARNING,
      DossierAudit.Action.APOLOGY_REQUESTED, DossierAudit.Action.ESCALATED, DossierAudit.Action.NOTICE_SENT,
      DossierAudit.Action.NOTICE_UNDELIVERED);

  /** A legal-time entry's details as a sentence: "old deadline: …; new deadline: …; reason: …". */
  private String summary(DossierAudit entry) {
    if (!LEGAL_TIME.contains(entry.getAction()) || entry.getDetail() == null) {
      return null;
    }
    try {
      Map<String, Object> details = json.readValue(entry.getDetail(),
          new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {
          });
      java.util.Locale locale = LocaleContextHolder.getLocale();
      return details.entrySet().stream().filter(e -> e.getValue() != null)
          .map(e -> messages.getMessage("ui.detail." + e.getKey(), null, e.getKey(), locale) + ": "
              + messages.getMessage(valueCode(e.getKey(), e.getValue()), null, String.valueOf(e.getValue()), locale))
          .collect(Collectors.joining("; "));
    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
      return entry.getDetail();
    }
  }

  /** Where the words for a detail's value are: a stage's name, yes or no, a code's meaning (else the value itself). */
  private static String valueCode(String key, Object value) {
    if ("stage".equals(key)) {
      return "stage." + value;
    }
    return value instanceof Boolean yes ? (yes ? "ui.value.yes" : "ui.value.no") : "ui.value." + key + "." + value;
  }

  /** Dossiers by receipt code, for lists of tasks. */
  public Map<String, Dossier> byReceiptCodes(Collection<String> receiptCodes) {
    return receiptCodes.isEmpty() ? Map.of() : dossiers.findByReceiptCodeIn(receiptCodes).stream()
        .collect(Collectors.toMap(Dossier::getReceiptCode, d -> d));
  }

  /** The dossier view after an action the caller was allowed to take on it. */
  public DossierView viewAfterAction(String receiptCode) {
    return view(dossiers.findByReceiptCode(receiptCode)
        .orElseThrow(() -> ApiException.notFound("error.dossier.notFound", receiptCode)));
  }

  DossierView view(Dossier d) {
    List<DossierView.Stage> history = stages.findByDossierIdOrderByStartedAtAscIdAsc(d.getId()).stream()
        .map(s -> new DossierView.Stage(s.getStage(), s.getStepName(), agency(s.getAgencyCode()),
            s.getCandidateGroup(), s.getHandedOverBy(), s.getAssignee(), time(s.getStartedAt()), time(s.getDueAt()),
            time(s.getCompletedAt()), s.getCompletedBy(), s.getTimeliness(), s.getState()))
        .toList();
    List<DossierView.Requirement> docs = requirements.findByDossierIdOrderByIdAsc(d.getId()).stream()
        .map(r -> new DossierView.Requirement(r.getDocumentCode(), r.getName(), r.getNameEn(), r.getForm()))
        .toList();
    return new DossierView(d.getReceiptCode(), d.getProcedureCode(), d.getProcedureName(), d.getChannel(),
        d.getStatus(), label(d), d.getApplicant().fullName(),
        new DossierView.Place(d.getProvinceCode(), d.getDistrictCode(), d.getCommuneCode(), d.getAdminStructure()),
        agency(d.getReceivingAgency()), agency(d.getHandlingAgency()), agency(d.getCurrentAgency()),
        d.getCurrentStage(), d.getCurrentStep(),
        time(d.getSubmittedAt()), time(d.getReceivedAt()), time(d.getDeadline()), time(d.getFinishedAt()),
        d.getTimeliness(), remainingWorkingDays(d), new DossierView.Supervision(time(d.getStageDeadline()),
            time(d.getOriginalDeadline()), time(d.getPausedAt()), time(d.getWarnedAt()), time(d.getApologizedAt()),
            d.getEscalationLevel(), d.getEscalatedTo(), time(d.getEscalatedAt()), d.getLateStage(),
            agency(d.getLateAgency()), d.getDelayCause()),
        new DossierView.Fee(d.getFeeAmount(), d.getFeeBasis()),
        d.getRuleSetVersion(), docs, history,
        d.getStatus() == DossierStatus.AWAITING_SUPPLEMENT ? d.getMissingDocuments() : null,
        d.getRating() == null ? null : new DossierView.Rating(d.getRating(), d.getRatingReasons(), d.getRatingComment(),
            time(d.getRatedAt())),
        d.ratable());
  }

  /** The dossiers a person may follow: their own, their agencies', or their jurisdiction's. */
  public Page<DossierSummary> list(Staff staff, Pageable page) {
    Page<Dossier> found;
    if (staff.has(Role.ADMIN)) {
      found = dossiers.findAllByOrderBySubmittedAtDesc(page);
    } else if (staff.has(Role.OFFICER)) {
      found = dossiers.findHandledBy(staff.agencies(), page);
    } else if (staff.has(Role.SUPERVISOR) || staff.has(Role.REFORM)) {
      String unit = staff.agencies().stream()
          .filter(agency -> staff.inGroup(AgencyRole.SUPERVISION.groupOf(agency)))
          .flatMap(agency -> places.agency(agency).stream())
          .map(agency -> agency.getAdminUnitCode()).findFirst().orElse("-");
      found = dossiers.findInJurisdiction(unit, page);
    } else {
      found = dossiers.findBySubmittedByOrderBySubmittedAtDesc(staff.username(), page);
    }
    return found.map(d -> new DossierSummary(d.getReceiptCode(), d.getProcedureCode(), d.getProcedureName(),
        d.getStatus(), label(d), d.getApplicant().fullName(), d.getCurrentAgency(), d.getCurrentStep(),
        time(d.getSubmittedAt()), time(d.getDeadline()), d.getTimeliness()));
  }

  /** Working days left before the deadline; negative when overdue; null when finished or not yet received. */
  BigDecimal remainingWorkingDays(Dossier d) {
    if (d.getDeadline() == null || d.getStatus().isFinal()) {
      return null;
    }
    // while the applicant has the dossier the clock stands still
    return calendar.remainingWorkingDays(d.getDeadline(),
        d.getPausedAt() != null ? d.getPausedAt() : clock.instant());
  }

  private DossierView.AgencyRef agency(String code) {
    return code == null ? null : new DossierView.AgencyRef(code,
        places.agency(code).map(a -> a.getName()).orElse(code));
  }

  /** The status in words; waiting for the fee says so (the same status also waits for taxes). */
  private String label(Dossier d) {
    String key = d.awaitingFee() ? "stage." + Dossier.FEE_STAGE : "status." + d.getStatus().name();
    return messages.getMessage(key, null, d.getStatus().name(), LocaleContextHolder.getLocale());
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
