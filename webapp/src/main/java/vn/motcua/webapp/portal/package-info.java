/** The national public service portal learns each dossier's progress: an outbox delivered in order per dossier. */
package vn.motcua.webapp.portal;
