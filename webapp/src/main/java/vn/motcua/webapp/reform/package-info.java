/** What reform officers do: deploy changed or new models, checked by motcua's model rules first. */
package vn.motcua.webapp.reform;
