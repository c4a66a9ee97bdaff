package com.plumbline.intake.rules;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The learned model beside the rules (see {@link LearnedModel}).
 *
 * @param enabled        false classifies with the rules alone
 * @param training       labelled CSVs on the classpath the model is trained from at start-up
 * @param extraTraining  a folder whose *.csv files (same format, e.g. the review export of staff
 *                       corrections) are added to the training; read at start-up, missing is fine
 * @param cache          a folder where the trained model is kept (see {@link ModelCache}); null keeps none
 */
@ConfigurationProperties("intake.model")
public record ModelProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"/classification/corpus.csv", "/classification/blind-2026-11.csv",
                "/classification/blind-2026-11b.csv", "/classification/blind-2026-11c.csv",
                "/classification/blind-2026-11d.csv", "/classification/blind-2026-11e.csv",
                "/classification/blind-2026-11f.csv", "/classification/blind-2026-11g.csv",
                "/classification/blind-2026-11h.csv", "/classification/blind-2026-11i.csv",
                "/classification/blind-2026-11j.csv", "/classification/blind-2026-11k.csv",
                "/classification/blind-2026-11l.csv", "/classification/blind-2026-11m.csv",
                "/classification/blind-2026-11n.csv", "/classification/blind-2026-11o.csv",
                "/classification/blind-2026-11p.csv", "/classification/blind-2026-11q.csv",
                "/classification/blind-2026-11r.csv", "/classification/blind-2026-11s.csv",
                "/classification/blind-2026-11t.csv", "/classification/blind-2026-11u.csv",
                "/classification/blind-2026-11v.csv", "/classification/blind-2026-11w.csv",
                "/classification/blind-2026-11x.csv", "/classification/blind-2026-11y.csv",
                "/classification/blind-2026-11z.csv", "/classification/blind-2026-11aa.csv",
                "/classification/blind-2026-11ab.csv", "/classification/blind-2026-11ac.csv",
                "/classification/blind-2026-11ad.csv", "/classification/blind-2026-11ae.csv",
                "/classification/blind-2026-11af.csv", "/classification/blind-2026-11ag.csv",
                "/classification/blind-2026-11ah.csv", "/classification/blind-2026-11ai.csv",
                "/classification/blind-2026-11aj.csv", "/classification/blind-2026-11ak.csv",
                "/classification/blind-2026-11al.csv", "/classification/blind-2026-11am.csv",
                "/classification/blind-2026-11an.csv", "/classification/blind-2026-11ao.csv",
                "/classification/blind-2026-11ap.csv", "/classification/blind-2026-11aq.csv",
                "/classification/blind-2026-11ar.csv", "/classification/blind-2026-11as.csv",
                "/classification/blind-2026-11at.csv", "/classification/blind-2026-11au.csv",
                "/classification/blind-2026-11av.csv", "/classification/blind-2026-11aw.csv"}) List<String> training,
        @DefaultValue("config/training") Path extraTraining,
        Path cache) {
}
