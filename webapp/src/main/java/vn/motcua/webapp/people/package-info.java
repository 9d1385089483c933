/** People: who is signed in, their roles and agencies, kept in the engine's identity service; demo users. */
package vn.motcua.webapp.people;
