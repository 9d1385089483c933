/** motcua's own rules for models, checked on every deployment before the engine accepts it. */
package vn.motcua.processes.rules;
