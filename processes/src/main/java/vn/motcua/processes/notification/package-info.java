/** Notices to the applicant, sent beside the dossier's flow so that a mail server's trouble never holds a dossier up. */
package vn.motcua.processes.notification;
