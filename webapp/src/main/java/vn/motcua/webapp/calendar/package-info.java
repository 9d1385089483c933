/**
 * The legal calendar as the Government sets it: the annual holiday files, what administrators are told about them, and
 * the open dossiers' deadlines when a file changes.
 */
package vn.motcua.webapp.calendar;
