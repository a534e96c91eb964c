package org.loyaltyhub.privacy.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Runs a caller's change (the handler, its answer and its audit record) in one transaction: a change that rolls back
 * leaves no audit record, a committed one always has its record. The services' own transactions join it (as they join
 * the one of an API request with an {@code Idempotency-Key}, which this one joins in turn); a commit that fails is an
 * error answered by the problem handler, with nothing saved.
 */
final class AuditedChanges extends RequestMappingHandlerAdapter {

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final ObjectProvider<AuditTrail> trail;

    AuditedChanges(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<AuditTrail> trail) {
        this.transactions = transactions;
        this.trail = trail;
    }

    @Override
    protected ModelAndView invokeHandlerMethod(HttpServletRequest request, HttpServletResponse response,
                                               HandlerMethod handlerMethod) throws Exception {
        if (!AuditTrail.audited(request)) {
            return super.invokeHandlerMethod(request, response, handlerMethod);
        }
        PlatformTransactionManager manager = transactions.getObject();
        TransactionStatus tx = manager.getTransaction(TransactionDefinition.withDefaults());
        ModelAndView mav;
        try {
            mav = super.invokeHandlerMethod(request, response, handlerMethod);
            if (tx.isRollbackOnly()) {
                manager.rollback(tx); // refused inside: nothing changed, nothing to record
                return mav;
            }
            trail.getObject().recordChange(request, response, mav);
        } catch (Exception | Error e) {
            manager.rollback(tx);
            throw e;
        }
        manager.commit(tx);
        return mav;
    }
}
