-- The supervisor's board's indexes on PostgreSQL (see docs/benchmarks.md for the figures they give).

-- live lists: open dossiers only, by deadline, per province and per district
create index dossier_open_province on dossier (unit_province, deadline) where finished_at is null;
create index dossier_open_district on dossier (unit_district, deadline) where finished_at is null;
-- KPIs over a period: received and finished per province and per district
create index dossier_received_province on dossier (unit_province, received_at);
create index dossier_received_district on dossier (unit_district, received_at);
create index dossier_finished_province on dossier (unit_province, finished_at);
create index dossier_finished_district on dossier (unit_district, finished_at);
