package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** A member's status, put together from each status program's part. */
@Service
@Transactional(readOnly = true)
class MemberStatusReader implements MemberStatuses {

    private final List<StatusPart> parts;

    MemberStatusReader(List<StatusPart> parts) {
        this.parts = parts;
    }

    @Override
    public MemberStatus of(long circuitId, long memberId) {
        MemberStatus status = MemberStatus.NONE;
        for (StatusPart part : parts) {
            status = part.contribute(circuitId, memberId, status);
        }
        return status;
    }
}
