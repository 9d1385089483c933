/** Digital signatures of the documents motcua issues: PAdES signing with a remote key, and verification. */
package vn.motcua.workers.signature;
