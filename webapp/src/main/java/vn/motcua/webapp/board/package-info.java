/**
 * The supervisor's board: live lists of late, soon-due, paused and escalated dossiers, KPIs and delay attribution
 * for any period and unit, the Decision 766 service index with the ranking of units, charts and exports. It reads
 * only the dossier read model (indexed tables), never the engine's history, and shows each supervisor their own
 * jurisdiction.
 */
package vn.motcua.webapp.board;
