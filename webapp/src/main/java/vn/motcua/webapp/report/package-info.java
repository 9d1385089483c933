/** Documents motcua writes for people: spreadsheets, PDF reports and letters, in Vietnamese with correct glyphs. */
package vn.motcua.webapp.report;
