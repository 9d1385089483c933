/** One handler per external-task topic, each speaking a real protocol to a configurable system. */
package vn.motcua.workers.handler;
