/** Places and agencies as data: provinces, districts and communes with their parents over time, and the agencies. */
package vn.motcua.webapp.place;
