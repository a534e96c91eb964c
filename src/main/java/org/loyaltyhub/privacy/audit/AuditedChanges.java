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
 * Runs a caller's change through the API (the handler, its answer and its audit record) in one transaction: a change
 * that rolls back leaves no audit record, a committed one always has its record. The services' own transactions join
 * it (as they join the one of an API request with an {@code Idempotency-Key}, which this one joins in turn); a commit
 * that fails is an error answered by the problem handler, with nothing saved. A refused change (an exception) is not
 * recorded; its transaction ends as its services left it (rolled back, or committed where they chose
 * {@code noRollbackFor}).
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
        if (!AuditTrail.audited(request) || !answersWithItsBody(handlerMethod)) {
            return super.invokeHandlerMethod(request, response, handlerMethod);
        }
        PlatformTransactionManager manager = transactions.getObject();
        TransactionStatus tx = manager.getTransaction(TransactionDefinition.withDefaults());
        ModelAndView mav;
        try {
            mav = super.invokeHandlerMethod(request, response, handlerMethod);
        } catch (Exception | Error e) {
            finish(manager, tx); // what the services decided stands (a release made with noRollbackFor commits)
            throw e;
        }
        if (tx.isRollbackOnly()) {
            manager.rollback(tx); // refused inside: nothing changed, nothing to record
            return mav;
        }
        try {
            trail.getObject().recordChange(request, response, mav);
        } catch (RuntimeException e) {
            manager.rollback(tx); // no change without its record
            throw e;
        }
        manager.commit(tx);
        return mav;
    }

    /**
     * The API's handlers (their answer is the body). A page's form handler stays out: it commonly catches a refusal and
     * renders the page again with more reads, which belong in their own transactions; its change is recorded once
     * answered ({@link AuditTrail#afterCompletion}).
     */
    static boolean answersWithItsBody(HandlerMethod handler) {
        return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
                || org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(handler.getBeanType(),
                        org.springframework.web.bind.annotation.ResponseBody.class)
                || org.springframework.http.HttpEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
    }

    /** A failed handler's transaction: rolled back if a service marked it so, else committed as its services left it. */
    private static void finish(PlatformTransactionManager manager, TransactionStatus tx) {
        if (tx.isRollbackOnly()) {
            manager.rollback(tx);
        } else {
            manager.commit(tx);
        }
    }
}
