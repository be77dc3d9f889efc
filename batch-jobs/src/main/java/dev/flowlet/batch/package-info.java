/** Spring Batch jobs that prove the books balance, backups restore and GDPR rights are honoured. */
package dev.flowlet.batch;
