//! Every entry of the words catalogue, with its English (en-GB) words.
//!
//! The English is written here, not in a file, so that a key without English
//! is a compile error. Names are `product.what`; `{placeholders}` are filled
//! by name. Each variant's doc is its English.

macro_rules! catalogue {
    ($($variant:ident = $name:literal => $en:literal,)*) => {
        /// One entry of the words catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $(#[doc = concat!("\"", $en, "\"")] $variant,)*
        }

        impl Key {
            /// Every key, in catalogue order (`Key::ALL[k as usize] == k`).
            pub const ALL: &'static [Key] = &[$(Key::$variant),*];

            /// The entry's name in catalogue files, e.g. "profile.about_role".
            pub fn name(self) -> &'static str {
                match self { $(Key::$variant => $name,)* }
            }

            /// The entry's English words.
            pub fn english(self) -> &'static str {
                match self { $(Key::$variant => $en,)* }
            }
        }
    };
}

impl Key {
    /// The key named `name` in catalogue files.
    pub fn named(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// The month names, January first.
    pub const MONTHS: [Key; 12] = [
        Key::Month1,
        Key::Month2,
        Key::Month3,
        Key::Month4,
        Key::Month5,
        Key::Month6,
        Key::Month7,
        Key::Month8,
        Key::Month9,
        Key::Month10,
        Key::Month11,
        Key::Month12,
    ];
}

catalogue! {
    // Dates and page furniture, in every product.
    DateLong = "date.long" => "{day} {month} {year}",
    Month1 = "date.month.1" => "January",
    Month2 = "date.month.2" => "February",
    Month3 = "date.month.3" => "March",
    Month4 = "date.month.4" => "April",
    Month5 = "date.month.5" => "May",
    Month6 = "date.month.6" => "June",
    Month7 = "date.month.7" => "July",
    Month8 = "date.month.8" => "August",
    Month9 = "date.month.9" => "September",
    Month10 = "date.month.10" => "October",
    Month11 = "date.month.11" => "November",
    Month12 = "date.month.12" => "December",
    PageOf = "page.of" => "Page {page} of {pages}",
    Continued = "page.continued" => "{text} (continued)",
    Available = "edition.available" => "This document is also available in English.",

    // Shared by several products.
    BulletLead = "common.bullet_lead" => "You can:",
    NoSkills = "common.no_skills" => "The framework lists no skills for this level.",
    Skill = "common.skill" => "Skill",
    SkillLevel = "common.skill_level" => "Skill level",
    SkillLevels = "common.skill_levels" => "Skill levels",
    WhatItMeans = "common.what_it_means" => "What it means",
    ScaleSummary = "common.scale_summary" => "The skill levels of the framework and what each means",
    Version = "common.version" => "Version {version}",
    Published = "common.published" => "Published {date}",
    VersionPublished = "common.version_published" => "Version {version}, published {date}",
    Source = "common.source" => "Source",
    Role = "common.role" => "Role",
    Level = "common.level" => "Level",
    Name = "common.name" => "Name",
    Reviewer = "common.reviewer" => "Reviewer",
    ReviewPeriod = "common.review_period" => "Review period",
    DateOfReview = "common.date_of_review" => "Date of review",
    NotYetDemonstrated = "common.not_yet_demonstrated" => "Not yet demonstrated",
    DevelopmentActions = "common.development_actions" => "Development actions",
    WelshRequirement = "common.welsh_requirement" => "Welsh language requirement",
    WelshEssential = "welsh.essential" => "Essential",
    WelshDesirable = "welsh.desirable" => "Desirable",
    WelshToBeLearnt = "welsh.to_be_learnt" => "To be learnt after appointment",
    WelshNotNecessary = "welsh.not_necessary" => "Not necessary",

    // The job profile.
    ProfileKind = "profile.kind" => "Job profile",
    ProfileKeyword = "profile.keyword" => "job profile",
    ProfileTitle = "profile.title" => "Job profile: {level}",
    ProfilePosition = "profile.position" => "Level {n} of {of}",
    ProfileSubject = "profile.subject" => "Job profile for {level} ({role}, {position}), {framework}",
    ProfileAboutRole = "profile.about_role" => "About the role",
    ProfileAboutLevel = "profile.about_level" => "About this level",
    ProfileSkillsNeeded = "profile.skills_needed" => "Skills needed",
    ProfileAboutSkills = "profile.about_skills" => "About these skills",
    ProfileNextLevel = "profile.next_level" => "What changes at the next level",
    ProfileJobGrade = "profile.job_grade" => "Job grade: {grades}",
    ProfileJobGrades = "profile.job_grades" => "Job grades: {grades}",
    ProfileResponsibilities = "profile.responsibilities" => "Typical responsibilities:",
    ProfileWhatYouNeed = "profile.what_you_need" => "What you need to be able to do",
    ProfileSkillsSummary = "profile.skills_summary" => "The {count} skills needed at this level, each with its skill level and what it means",
    ProfileNew = "profile.change.new" => "New at the next level",
    ProfileDropped = "profile.change.dropped" => "Not listed at the next level",
    ProfileHigher = "profile.change.higher" => "Higher",
    ProfileLower = "profile.change.lower" => "Lower",
    ProfileNotListed = "profile.not_listed" => "Not listed",
    ProfileNextIs = "profile.next_is" => "The next level is {level} (level {n} of {of}).",
    ProfileNextSame = "profile.next_same" => "Every skill is needed at the same skill level there.",
    ProfileNextDiffer = "profile.next_differ" => "These skills are needed at a different skill level there:",
    ProfileNextSummary = "profile.next_summary" => "Skills whose skill level differs between this level and {level}",
    ProfileAtThisLevel = "profile.at_this_level" => "At this level",
    ProfileAtNextLevel = "profile.at_next_level" => "At the next level",
    ProfileChange = "profile.change" => "Change",
    ProfileKeyIntro = "profile.key_intro" => "Skill levels, from the lowest to the highest:",

    // The appraisal sheet (PDF form).
    SheetTitle = "sheet.title" => "Appraisal sheet: {level}",
    SheetKeyword = "sheet.keyword" => "appraisal",
    SheetKeywordReview = "sheet.keyword_review" => "performance review",
    SheetSubject = "sheet.subject" => "Appraisal form for the {level} level of the {role} role, {framework}",
    SheetFooterVersion = "sheet.footer_version" => "{role} · framework version {version}",
    SheetFooterPublished = "sheet.footer_published" => "{role} · framework published {date}",
    SheetLevelOf = "sheet.level_of" => "{level} (level {n} of {of})",
    SheetGrades = "sheet.grades" => "Grades",
    SheetFramework = "sheet.framework" => "Framework",
    SheetFrameworkVersion = "sheet.framework_version" => ", version {version}",
    SheetFrameworkPublished = "sheet.framework_published" => ", published {date}",
    SheetHowTo = "sheet.how_to" => "How to complete this sheet",
    SheetGuidance = "sheet.guidance" => "For each skill, the person marks the skill level they show in their work, the reviewer marks the level they see, and together you mark the level you agree: one choice on each line. Note evidence from the review period, such as work done and feedback received, and the reviewer's comments.",
    SheetScaleIntro = "sheet.scale_intro" => "The skill levels, lowest first:",
    SheetKeySummary = "sheet.key_summary" => "The skill levels to choose from, and what each means",
    SheetNotYetMeaning = "sheet.not_yet_meaning" => "The skill has not yet been shown at any of these levels.",
    SheetSkills = "sheet.skills" => "Skills",
    SheetExpected = "sheet.expected" => "Expected skill level: ",
    SheetSelf = "sheet.assessor.self" => "self-assessment",
    SheetReviewerAssessment = "sheet.assessor.reviewer" => "reviewer's assessment",
    SheetAgreed = "sheet.assessor.agreed" => "agreed level",
    SheetAssessmentLabel = "sheet.assessment_label" => "{skill}: {assessor}",
    SheetEvidence = "sheet.evidence" => "{skill}: evidence and comments",
    SheetSummary = "sheet.summary" => "Summary",
    SheetOverall = "sheet.overall" => "Overall summary of the review",
    SheetDevelopment = "sheet.development" => "Development",
    SheetDevelopmentNote = "sheet.development_note" => "Agree what the person will do to develop, the support they need, and by when.",
    SheetSignatures = "sheet.signatures" => "Signatures",
    SheetSignaturesSummary = "sheet.signatures_summary" => "Signatures of the person and the reviewer, with dates.",
    SheetSignedBy = "sheet.signed_by" => "Signed by",
    SheetSignature = "sheet.signature" => "Signature",
    SheetDate = "sheet.date" => "Date",
    SheetPersonAppraised = "sheet.person_appraised" => "Person appraised",
    SheetSignaturePerson = "sheet.signature_person" => "Signature of the person appraised",
    SheetDatePerson = "sheet.date_person" => "Date signed by the person appraised",
    SheetSignatureReviewer = "sheet.signature_reviewer" => "Signature of the reviewer",
    SheetDateReviewer = "sheet.date_reviewer" => "Date signed by the reviewer",

    // Both workbooks.
    BookPageOf = "book.page_of" => "Page {page} of {pages}",
    BookCover = "book.sheet.cover" => "Cover",
    BookMatrix = "book.sheet.matrix" => "Matrix",
    BookDescriptions = "book.sheet.descriptions" => "Descriptions",
    BookData = "book.sheet.data" => "Data",
    BookScale = "book.sheet.scale" => "Scale",
    BookSummary = "book.sheet.summary" => "Summary",
    BookSheetLink = "book.sheet_link" => "{sheet} sheet",
    BookLevelN = "book.level_n" => "Level {n}",
    BookNone = "book.none" => "None",
    BookSheets = "book.sheets" => "Sheets in this workbook",
    BookAbout = "book.about" => "About",
    BookFramework = "book.framework" => "Framework: {name}",
    BookPublisher = "book.publisher" => "Publisher: {name}",
    BookRole = "book.role" => "Role: {role}",
    BookRoleFamily = "book.role_family" => "Role: {role} (role family: {family})",
    BookIntroduction = "book.introduction" => "Introduction to the role",
    BookSkillsInRole = "book.skills_in_role" => "Skills in this role",
    BookScaleIntro = "book.scale_intro" => "The framework's skill levels, from lowest to highest ({count} in all):",
    BookLevels = "book.levels" => "Levels of this role",
    BookGrades = "book.grades" => " (grades: {grades})",
    BookAttribution = "book.attribution" => "Attribution",
    BookCapabilityFramework = "book.keyword" => "capability framework",

    // The skills-matrix workbook.
    MatrixTitle = "matrix.title" => "Skills matrix: {role}",
    MatrixSubject = "matrix.subject" => "The skills each level of the {role} role needs, and at what skill level",
    MatrixKeyword = "matrix.keyword" => "skills matrix",
    MatrixCoverTitle = "matrix.cover_title" => "{role}: skills matrix",
    MatrixCoverIntro = "matrix.cover_intro" => "This workbook shows the skills each level of the {role} role needs, and the skill level each needs them at.",
    MatrixAboutMatrix = "matrix.about_matrix" => "Skills down the side, the role's levels across the top, and in each cell the skill level that role level needs. An empty cell means that level does not need the skill. Cells are shaded darker for higher skill levels; the skill level's name is always written in the cell.",
    MatrixAboutDescriptions = "matrix.about_descriptions" => "For each level, every skill it needs with the full description of what is expected at that skill level.",
    MatrixAboutData = "matrix.about_data" => "The same facts in long form, one row per level and skill, with the level's order and the skill level's rank as numbers, for filtering and pivot tables.",
    MatrixNote = "matrix.note" => "Each cell gives the skill level that role level needs. An empty cell means the level does not need the skill.",
    MatrixScaleNote = "matrix.scale_note" => "Skill levels, lowest to highest: {levels}. Darker shading means a higher skill level.",
    MatrixAlt = "matrix.alt" => "Skills of the {role} role down the first column, the role's {count} levels across the header row, and in each cell the skill level needed.",
    DescTitle = "descriptions.title" => "Skill descriptions: {role}",
    DescWhatExpected = "descriptions.what_expected" => "What is expected",
    DescNote = "descriptions.note" => "For each level of the role, every skill it needs, the skill level, and what is expected at that skill level.",
    DescAlt = "descriptions.alt" => "One row per level of the {role} role and skill it needs: level, skill, skill level and the full description of what is expected.",
    DataTitle = "data.title" => "Data: {role}",
    DataLevelOrder = "data.level_order" => "Level order",
    DataRank = "data.rank" => "Skill-level rank",
    DataDescriptor = "data.descriptor" => "Descriptor",
    DataNote = "data.note" => "One row per level and required skill. Level order and skill-level rank count from 1 (lowest); the scale has {count} skill levels.",
    DataAlt = "data.alt" => "Long-form data for the {role} role: role, level, level order, skill, skill level, skill-level rank and descriptor, one row per level and required skill.",

    // The appraisal workbook.
    BookAppraisalTitle = "appraisal_book.title" => "Appraisal workbook: {role}",
    BookAppraisalSubject = "appraisal_book.subject" => "Assessing a person's skills against their level of the {role} role",
    BookAppraisalCoverTitle = "appraisal_book.cover_title" => "{role}: appraisal workbook",
    BookAppraisalIntro = "appraisal_book.intro" => "Use this workbook to record a person's appraisal against their level of the {role} role. Make a copy for each person and review.",
    BookHowTo = "appraisal_book.how_to" => "How to fill it in",
    BookStep1 = "appraisal_book.step1" => "1. Open the sheet for the person's level (the links are below).",
    BookStep2 = "appraisal_book.step2" => "2. Fill in the boxed cells at the top: name, reviewer, review period and date.",
    BookStep3 = "appraisal_book.step3" => "3. For each skill, choose from the list in the {self}, {reviewer} and {agreed} columns: one of the skill levels on the {scale} sheet, or \"{not_yet}\".",
    BookStep4 = "appraisal_book.step4" => "4. The {gap} column compares the agreed level with the expected level and says \"{below}\", \"{meets}\" or \"{above}\". It is also shaded ({below}: orange, {meets}: green, {above}: blue), but the word always says it.",
    BookStep5 = "appraisal_book.step5" => "5. Write the evidence for the agreed level in the {evidence} column.",
    BookStep6 = "appraisal_book.step6" => "6. On the {summary} sheet, write the overall summary and development actions, and sign.",
    BookProtected = "appraisal_book.protected" => "The sheets are protected, without a password, so that only the boxed cells can change. To change anything else, unprotect the sheet (Review, Unprotect Sheet).",
    BookAboutScale = "appraisal_book.about_scale" => "The skill levels from lowest to highest, with what each means.",
    BookAboutLevel = "appraisal_book.about_level" => "The appraisal for {level}.",
    BookAboutSummary = "appraisal_book.about_summary" => "The overall summary, development actions and signatures.",
    BookLowest = "appraisal_book.lowest" => "the lowest",
    BookNoEvidence = "appraisal_book.no_evidence" => "No evidence yet of the skill, even at the {lowest} level.",
    BookScaleTitle = "appraisal_book.scale_title" => "Skill-level scale",
    BookScaleNote = "appraisal_book.scale_note" => "The choices offered in every assessment column, lowest first. The gap formulas rank answers by their place in this list.",
    BookScaleAlt = "appraisal_book.scale_alt" => "The skill-level scale: rank (0 for not yet demonstrated), skill level, and what it means.",
    BookRank = "appraisal_book.rank" => "Rank",
    BookExpectedLevel = "appraisal_book.expected_level" => "Expected level",
    BookExpectedMeans = "appraisal_book.expected_means" => "What the expected level means",
    BookSelfAssessment = "appraisal_book.self" => "Self-assessment",
    BookReviewerAssessment = "appraisal_book.reviewer" => "Reviewer assessment",
    BookAgreedLevel = "appraisal_book.agreed" => "Agreed level",
    BookGap = "appraisal_book.gap" => "Gap: agreed against expected",
    BookEvidence = "appraisal_book.evidence" => "Evidence and comments",
    BookLevelTitle = "appraisal_book.level_title" => "Appraisal: {level}",
    BookLevelNote = "appraisal_book.level_note" => "Role: {role}. Choose each assessment from its list; the gap compares the agreed level with the expected level.",
    BookLevelAlt = "appraisal_book.level_alt" => "Appraisal of each skill the {level} level needs: expected level and what it means, self-assessment, reviewer assessment, agreed level, the gap between agreed and expected (below, meets or above), and evidence.",
    GapBelow = "gap.below" => "below",
    GapMeets = "gap.meets" => "meets",
    GapAbove = "gap.above" => "above",
    GapOffScale = "gap.off_scale" => "not on the scale",
    GapInputTitle = "gap.input_title" => "Choose a level",
    GapInputMessage = "gap.input_message" => "Choose a skill level from the list, or \"{not_yet}\".",
    GapErrorTitle = "gap.error_title" => "Not on the list",
    GapErrorMessage = "gap.error_message" => "Choose one of the skill levels on the {scale} sheet, or \"{not_yet}\".",
    SummaryTitle = "summary.title" => "Appraisal summary: {role}",
    SummaryNote = "summary.note" => "Complete once the skills on the person's level sheet are agreed.",
    SummaryAlt = "summary.alt" => "The appraisal's overall summary, development actions and signatures, each with a cell to fill in.",
    SummaryPart = "summary.part" => "Part",
    SummaryNotes = "summary.notes" => "Notes",
    SummaryOverall = "summary.overall" => "Overall summary",
    SummarySignPerson = "summary.sign_person" => "Signature of the person appraised, and date",
    SummarySignReviewer = "summary.sign_reviewer" => "Signature of the reviewer, and date",

    // The HTML edition: its navigation and the index pages.
    FormatPdf = "format.pdf" => "PDF",
    FormatHtml = "format.html" => "Web page",
    FormatOdt = "format.odt" => "OpenDocument (editable)",
    FormatXlsx = "format.xlsx" => "Excel",
    HtmlBreadcrumb = "html.breadcrumb" => "Where this page is",
    HtmlOtherFormats = "html.other_formats" => "This document in other formats",
    HtmlAlsoAs = "html.also_as" => "Also as:",
    IndexKind = "index.kind" => "Job profiles and workbooks",
    IndexTitle = "index.title" => "Job profiles and workbooks: {name}",
    IndexSubject = "index.subject" => "The job profiles and workbooks of {name}",
    IndexLevels = "index.levels" => "Levels",
    IndexLevelOf = "index.level_of" => "{level} (level {n} of {of})",
    IndexSheet = "index.appraisal_sheet" => "Appraisal sheet",
    IndexWorkbooks = "index.workbooks" => "Workbooks",
    IndexSkillsMatrix = "index.skills_matrix" => "Skills-matrix workbook",
    IndexAppraisalBook = "index.appraisal_workbook" => "Appraisal workbook",
    IndexRolePage = "index.role_page" => "Page of this role",
    IndexNone = "index.none" => "None",
    IndexTableSummary = "index.table_summary" => "The documents of each level of {role}",
}
