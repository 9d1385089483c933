-- What the applicant was asked to supplement (shown to them until they hand it in), and their rating of the service
-- with the reasons they chose (Decision 766, group 6).
alter table dossier add column missing_documents varchar(2000);
alter table dossier add column rating_reasons varchar(400);
alter table dossier add column rating_comment varchar(1000);
alter table dossier add column rated_at timestamp(6) with time zone;

-- A component the applicant uploaded for a required document of the checklist, and the earlier file it reuses (a
-- digitized document of the same person, not asked for again).
alter table dossier_document add column requirement_code varchar(60);
alter table dossier_document add column reused_from bigint references dossier_document (id);
create index dossier_document_requirement on dossier_document (requirement_code);

-- The receipt-and-appointment voucher (form 01) is issued once, as soon as the appointment date is known.
alter table dossier add column receipt_voucher_issued boolean default false not null;
