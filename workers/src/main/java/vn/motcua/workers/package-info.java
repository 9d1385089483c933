/** External-task workers: the runtime that subscribes each topic handler to the engine, in-process or standalone. */
package vn.motcua.workers;
