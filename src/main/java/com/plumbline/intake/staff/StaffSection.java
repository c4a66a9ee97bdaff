package com.plumbline.intake.staff;

import java.util.ArrayList;
import java.util.List;

/** Checks of the {@code staff} section that need no database (addresses are checked again on save). */
public final class StaffSection {

    private StaffSection() {
    }

    public static List<String> problems(StaffRulesFile file) {
        List<String> problems = new ArrayList<>();
        List<StaffRulesFile.Member> members = file.members() == null ? List.of() : file.members();
        for (int i = 0; i < members.size(); i++) {
            StaffRulesFile.Member member = members.get(i);
            String key = "members[" + i + "]";
            if (member.name() == null || member.name().isBlank()) {
                problems.add(key + ".name: must not be empty");
            }
            if (member.role() == null) {
                problems.add(key + ".role: one of DISPATCHER, TECHNICIAN, ON_CALL, MANAGER, OWNER");
            }
            if (member.email() != null && !StaffDirectory.looksLikeEmail(member.email())) {
                problems.add(key + ".email: '" + member.email() + "' is not an email address");
            }
        }
        return problems;
    }
}
