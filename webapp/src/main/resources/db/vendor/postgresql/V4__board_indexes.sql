-- The supervisor's board's indexes on PostgreSQL (figures in docs/benchmarks.md). Each carries the columns its
-- queries read, so that they are answered from the index alone (once the table is vacuumed).

-- live lists and "in progress now": unfinished dossiers only, per province and per district
create index dossier_open_province on dossier (unit_province, deadline)
  include (paused_at, status, received_at, procedure_code, current_agency, current_assignee, receiving_agency,
           unit_level, unit_code, unit_district, sector, escalation_level)
  where finished_at is null;
create index dossier_open_district on dossier (unit_district, deadline)
  include (paused_at, status, received_at, procedure_code, current_agency, current_assignee, receiving_agency,
           unit_level, unit_code, sector, escalation_level)
  where finished_at is null;
create index dossier_paused_province on dossier (unit_province, paused_at)
  where finished_at is null and status in ('AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT');
create index dossier_paused_district on dossier (unit_district, paused_at)
  where finished_at is null and status in ('AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT');
create index dossier_escalated_province on dossier (unit_province, escalation_level, escalated_at)
  where finished_at is null and escalation_level > 0;
create index dossier_escalated_district on dossier (unit_district, escalation_level, escalated_at)
  where finished_at is null and escalation_level > 0;

-- the running month's KPIs, read live: what was received, what was finished
create index dossier_received_province on dossier (unit_province, received_at)
  include (unit_district, unit_code, unit_level, receiving_agency, sector, procedure_code, channel, fee_amount,
           paid_online, digitized, portal_synced);
create index dossier_received_district on dossier (unit_district, received_at)
  include (unit_code, unit_level, receiving_agency, sector, procedure_code, channel, fee_amount, paid_online,
           digitized, portal_synced);
create index dossier_finished_province on dossier (unit_province, finished_at)
  include (unit_district, unit_code, unit_level, receiving_agency, sector, procedure_code, status, received_at,
           timeliness, electronic_result, rating, late_stage, late_agency, delay_cause, late_minutes);
create index dossier_finished_district on dossier (unit_district, finished_at)
  include (unit_code, unit_level, receiving_agency, sector, procedure_code, status, received_at, timeliness,
           electronic_result, rating, late_stage, late_agency, delay_cause, late_minutes);
