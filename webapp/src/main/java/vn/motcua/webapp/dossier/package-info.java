/** Dossiers: submission with a receipt code, and the read model (status, deadline, stage history) fed by the engine. */
package vn.motcua.webapp.dossier;
