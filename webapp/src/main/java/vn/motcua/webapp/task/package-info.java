/** Civil servants' work: their tasks and their agency's, claiming, and completing a step through its form. */
package vn.motcua.webapp.task;
