/** The procedures' fees: paid online through the payment gateway (signed callbacks), or at the counter with a receipt. */
package vn.motcua.webapp.payment;
