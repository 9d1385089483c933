/** The officers' workbench: the queue by remaining working days, the dossier panel, and completing steps. */
package vn.motcua.webapp.workbench;
