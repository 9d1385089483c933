/** Cross-cutting configuration: settings, legal time in the engine, security, errors, API documentation. */
package vn.motcua.webapp.system;
