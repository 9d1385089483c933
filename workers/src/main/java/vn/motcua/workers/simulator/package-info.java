/** Simulators of the systems procedures talk to, as real HTTP servers with faults on demand and counters. */
package vn.motcua.workers.simulator;
