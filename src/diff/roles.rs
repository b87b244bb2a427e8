//! Changes inside a role and its levels.

use super::{
    english, match_by, printed, text_change, Changes, LevelChanges, Reason, RoleChanges,
    SkillLevelChange, Subject, TextChange,
};
use crate::model::{Framework, Level, Role, Text};
use crate::words::Key;

pub(super) fn compare_role(
    old: &Framework,
    ro: &Role,
    new: &Framework,
    rn: &Role,
    skill_map: &[Option<usize>],
    c: &Changes,
) -> RoleChanges {
    let opt = |fw: &Framework, t: &Option<Text>| {
        t.as_ref()
            .map(|t| printed(fw, t, false))
            .unwrap_or_default()
    };
    let mut texts: Vec<TextChange> = Vec::new();
    texts.extend(text_change(
        Subject::Part(Key::DiffName),
        ro.name.clone(),
        rn.name.clone(),
    ));
    texts.extend(text_change(
        Subject::Part(Key::DiffFamily),
        ro.family.clone().unwrap_or_default(),
        rn.family.clone().unwrap_or_default(),
    ));
    texts.extend(text_change(
        Subject::Part(Key::DiffSummary),
        printed(old, &ro.summary, false),
        printed(new, &rn.summary, false),
    ));
    texts.extend(text_change(
        Subject::Part(Key::DiffIntroduction),
        opt(old, &ro.introduction),
        opt(new, &rn.introduction),
    ));
    texts.extend(text_change(
        Subject::Part(Key::DiffSkillsIntro),
        opt(old, &ro.skills_intro),
        opt(new, &rn.skills_intro),
    ));
    let pairs = match_by(&ro.levels, &rn.levels, |l| &l.id, |l| &l.name);
    let levels_removed = (0..ro.levels.len())
        .filter(|i| !pairs.iter().any(|p| p.0 == *i))
        .map(|i| ro.levels[i].name.clone())
        .collect();
    let levels_added: Vec<String> = (0..rn.levels.len())
        .filter(|j| !pairs.iter().any(|p| p.1 == *j))
        .map(|j| rn.levels[j].name.clone())
        .collect();
    let reordered = pairs.windows(2).any(|w| w[1].1 < w[0].1);
    // Whatever every document of the framework or the role prints.
    let mut common: Vec<Reason> = c
        .framework
        .iter()
        .map(|t| Reason::Framework(t.subject.clone()))
        .collect();
    common.extend(texts.iter().map(|t| Reason::Role(t.subject.clone())));
    let mut levels = Vec::new();
    for (i, j) in pairs {
        let lc = compare_level(
            old,
            &ro.levels[i],
            new,
            &rn.levels[j],
            skill_map,
            c,
            &common,
        );
        if !lc.skill_levels.is_empty()
            || !lc.texts.is_empty()
            || !lc.descriptors.is_empty()
            || !lc.because.is_empty()
        {
            levels.push(lc);
        }
    }
    RoleChanges {
        id: rn.id.clone(),
        name: rn.name.clone(),
        texts,
        levels_added,
        levels_removed,
        reordered,
        levels,
    }
}

fn compare_level(
    old: &Framework,
    lo: &Level,
    new: &Framework,
    ln: &Level,
    skill_map: &[Option<usize>],
    c: &Changes,
    common: &[Reason],
) -> LevelChanges {
    let mut texts: Vec<TextChange> = Vec::new();
    texts.extend(text_change(
        Subject::Part(Key::DiffName),
        lo.name.clone(),
        ln.name.clone(),
    ));
    texts.extend(text_change(
        Subject::Part(Key::DiffSummary),
        printed(old, &lo.summary, false),
        printed(new, &ln.summary, false),
    ));
    let resp = |l: &Level| {
        let mut s = l.responsibilities_intro.clone().unwrap_or_default();
        for r in &l.responsibilities {
            s.push(' ');
            s.push_str(r);
        }
        s
    };
    texts.extend(text_change(
        Subject::Part(Key::DiffResponsibilities),
        resp(lo),
        resp(ln),
    ));
    let outro = |fw: &Framework, l: &Level| {
        l.responsibilities_outro
            .as_ref()
            .map(|t| printed(fw, t, false))
            .unwrap_or_default()
    };
    texts.extend(text_change(
        Subject::Part(Key::DiffOutro),
        outro(old, lo),
        outro(new, ln),
    ));
    texts.extend(text_change(
        Subject::Part(Key::DiffTrack),
        lo.track.clone().unwrap_or_default(),
        ln.track.clone().unwrap_or_default(),
    ));
    let mut skill_levels = Vec::new();
    let mut descriptors = Vec::new();
    let mut reasons: Vec<Reason> = common.to_vec();
    for rq in &lo.requirements {
        let mapped = skill_map[rq.skill];
        let now = mapped.and_then(|j| ln.requirements.iter().find(|r| r.skill == j));
        let name = mapped.map_or(&old.skills[rq.skill].name, |j| &new.skills[j].name);
        let old_rung = old.scale[rq.level].name.clone();
        match now {
            None => skill_levels.push(SkillLevelChange {
                skill: name.clone(),
                old: Some(old_rung),
                new: None,
            }),
            Some(rn) => {
                let new_rung = new.scale[rn.level].name.clone();
                if new_rung != old_rung {
                    skill_levels.push(SkillLevelChange {
                        skill: name.clone(),
                        old: Some(old_rung),
                        new: Some(new_rung.clone()),
                    });
                }
                let what = Subject::Descriptor(new.skills[rn.skill].name.clone(), new_rung);
                descriptors.extend(text_change(
                    what,
                    printed(old, old.descriptor(rq), true),
                    printed(new, new.descriptor(rn), true),
                ));
                if old.skills[rq.skill].name != new.skills[rn.skill].name {
                    reasons.push(Reason::Renamed(
                        old.skills[rq.skill].name.clone(),
                        new.skills[rn.skill].name.clone(),
                    ));
                }
            }
        }
    }
    for rn in &ln.requirements {
        let was = skill_map.iter().position(|m| *m == Some(rn.skill));
        let had = was.is_some_and(|i| lo.requirements.iter().any(|r| r.skill == i));
        if !had {
            skill_levels.push(SkillLevelChange {
                skill: new.skills[rn.skill].name.clone(),
                old: None,
                new: Some(new.scale[rn.level].name.clone()),
            });
        }
    }
    let _ = c;
    LevelChanges {
        id: ln.id.clone(),
        name: ln.name.clone(),
        skill_levels,
        texts,
        descriptors,
        because: reasons.iter().map(|r| r.words(english())).collect(),
        reasons,
    }
}
