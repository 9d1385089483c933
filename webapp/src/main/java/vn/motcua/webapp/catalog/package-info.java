/** The procedure catalog and the rules behind it, read from the deployed BPMN models and DMN decisions. */
package vn.motcua.webapp.catalog;
