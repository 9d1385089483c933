-- A document motcua issued, signed digitally: a new document beside the unsigned one (nothing is replaced), at most
-- one signed copy of each, with who signed and when.

alter table dossier_document add column signed_from bigint references dossier_document (id);
alter table dossier_document add column signer varchar(300);
alter table dossier_document add column signed_at timestamp(6) with time zone;
create unique index dossier_document_signed_from on dossier_document (signed_from);
