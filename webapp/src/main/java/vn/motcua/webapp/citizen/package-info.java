/** The citizen's side of the one-stop: online submission with a pre-filled e-form, their dossiers, supplement, result and rating. */
package vn.motcua.webapp.citizen;
