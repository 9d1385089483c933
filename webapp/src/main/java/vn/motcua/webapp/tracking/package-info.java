/** The public lookup of a dossier by its receipt code and a second factor: status, appointment, steps and diagram. */
package vn.motcua.webapp.tracking;
