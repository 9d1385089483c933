/** Demo data beyond the users: months of dossiers replayed through the engine on a fresh installation. */
package vn.motcua.webapp.demo;
