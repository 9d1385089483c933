/** Legal time: working days, annual holiday calendars, office hours and the 15:00 rule, plugged into the engine. */
package vn.motcua.processes.legaltime;
