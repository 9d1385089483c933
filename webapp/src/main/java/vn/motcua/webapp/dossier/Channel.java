package vn.motcua.webapp.dossier;

/** How a dossier reached the one-stop counter. */
public enum Channel { ONLINE, COUNTER, POSTAL }
