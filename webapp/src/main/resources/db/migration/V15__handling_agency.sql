-- The competent agency a dossier goes to, fixed at submission beside the centre that received it: since 1 July 2025
-- a dossier may be received at any centre of the province (Decree 118/2025) and counts for the handling agency's
-- unit. Dossiers of before keep their counting; their handling agency is not known here (shown as not recorded).
alter table dossier add column handling_agency varchar(30);

-- The board's monthly figures keep it too: the province's departments are ranked by the agency that handled their
-- dossiers (months computed before keep none: their province-level dossiers count for the province itself).
alter table board_month add column handling_agency varchar(30);
alter table board_month_delay add column handling_agency varchar(30);
