-- Legal time and supervision: the state of each dossier's clock, its escalations, where it counts (the unit of the
-- agency that received it) and what the supervisor's board filters and counts on. The board reads only these tables.

alter table dossier add column sector            varchar(200);
alter table dossier add column unit_code         varchar(10);
alter table dossier add column unit_level        varchar(10);
alter table dossier add column unit_province     varchar(10);
alter table dossier add column unit_district     varchar(10);
alter table dossier add column current_assignee  varchar(64);
alter table dossier add column stage_deadline    timestamp(6) with time zone;
alter table dossier add column original_deadline timestamp(6) with time zone;
alter table dossier add column paused_at         timestamp(6) with time zone;
alter table dossier add column warned_at         timestamp(6) with time zone;
alter table dossier add column apologized_at     timestamp(6) with time zone;
alter table dossier add column escalation_level  integer  not null default 0;
alter table dossier add column escalated_at      timestamp(6) with time zone;
alter table dossier add column escalated_to      varchar(100);
alter table dossier add column late_stage        varchar(30);
alter table dossier add column late_agency       varchar(30);
alter table dossier add column delay_cause       varchar(30);
alter table dossier add column paid_online       boolean;
alter table dossier add column digitized         boolean not null default false;
alter table dossier add column rating            integer;

-- dossiers received before this migration count where their receiving agency is
update dossier set
  unit_code  = (select a.admin_unit_code from agency a where a.code = dossier.receiving_agency),
  unit_level = (select a.level from agency a where a.code = dossier.receiving_agency);
update dossier set unit_province = unit_code where unit_level = 'PROVINCE';
update dossier set unit_district = unit_code,
  unit_province = (select u.parent_code from admin_unit u where u.code = dossier.unit_code)
  where unit_level = 'DISTRICT';
update dossier set
  unit_district = (select p.code from admin_unit u join admin_unit p on p.code = u.parent_code
                   where u.code = dossier.unit_code and p.level = 'DISTRICT'),
  unit_province = coalesce(
    (select g.code from admin_unit u join admin_unit p on p.code = u.parent_code join admin_unit g on g.code = p.parent_code
     where u.code = dossier.unit_code and p.level = 'DISTRICT'),
    (select p.code from admin_unit u join admin_unit p on p.code = u.parent_code
     where u.code = dossier.unit_code and p.level = 'PROVINCE'))
  where unit_level = 'COMMUNE';

-- working minutes a step ran past its due date (0 when it did not): the basis of delay attribution
alter table dossier_stage add column delay_minutes integer;
