/** Files of a dossier: upload checked by content, storage, preview and download, and the files a step requires. */
package vn.motcua.webapp.document;
