//! The full "Application operations engineer" role of seed 000, generated from the seed
//! text: every level, skill and descriptor, for tests that must not wait for the loader.

/// (skill name, [(scale rank, descriptor)]) in first-use order.
pub const SKILLS: &[(&str, &[(usize, &str)])] = &[
    ("Incident management", &[
        (0, "You can identify and register incidents, gathering the required information and allocating it to the appropriate channel."),
        (1, "You can diagnose and prioritise incidents, investigating their causes and finding resolutions."),
        (2, "You can lead the investigation and resolution of incidents."),
    ]),
    ("Ownership and initiative", &[
        (0, "You know about problem resolution processes and know to pass problems to your team."),
        (1, "You can own an issue until a new owner has been found or the problem has been mitigated or resolved."),
        (2, "You can take accountability of issues that occur and be proactive in searching for potential problems. You know how to achieve excellent user outcomes."),
    ]),
    ("Problem management", &[
        (0, "You can investigate problems in systems, processes and services, with an understanding of the level of a problem (for example, strategic, tactical, operational). You can contribute to the implementation of remedies and preventative measures."),
        (1, "You can initiate and monitor actions to investigate patterns and trends to resolve problems, including consulting specialists where required. You can determine the appropriate remedy and assist with implementation of it as well as preventative measures."),
        (2, "You can ensure that the right actions are taken to investigate, resolve and anticipate problems. You can coordinate the team to investigate problems, implement solutions and take preventive measures."),
    ]),
    ("User focus", &[
        (0, "You have an awareness or understanding of user experience analysis and its principles. You can see the purpose of user stories and focus on user needs."),
        (1, "You can identify needs and engage with users or stakeholders to collate user needs evidence. You understand and can define research that fits user needs. You can use quantitative and qualitative data about users to turn user focus into outcomes."),
        (2, "You know how to collaborate with user researchers and can represent users internally. You understand the difference between user needs and the desires of the user. You can champion user research to focus on all users. You can prioritise and define approaches to understand the user story, guiding others in doing so. You can offer recommendations on the best tools and methods to be used."),
    ]),
    ("Asset and configuration management", &[
        (1, "You can maintain secure configuration and accurate information, controlling IT assets in one or more significant areas, and verifying location and state of assets."),
        (2, "You know how to manage configuration items, related information, service compliance and risks."),
    ]),
    ("Availability and capacity management", &[
        (1, "You know how to manage service components to ensure they meet business needs and performance targets."),
        (2, "You can ensure the correct implementation of standards and procedures, identifying capacity issues, stipulating the required changes and instigating these. You know how to initiate remedial action."),
    ]),
    ("Change management", &[
        (0, "You can implement changes based on requests for change. You know how to apply change control procedures."),
        (1, "You can analyse and assess impact, and develop and document change requests. You can implement changes based on requests for change."),
        (2, "You can deal with high-impact, complex change requests. You know how to ensure that release policies, procedures and processes are applied."),
    ]),
    ("Continual service improvement", &[
        (0, "You know about developing process efficiency and common ways in which processes are optimised. You can support specific activities to improve development processes. You can spot or identify obvious deficiencies."),
        (1, "You can identify process optimisation opportunities with guidance and contribute to the implementation of proposed solutions."),
        (2, "You know how to analyse current processes, identify and implement opportunities to optimise processes, and lead and develop a team of experts to deliver service improvements. You help to evaluate and establish requirements for the implementation of changes by setting policy and standards."),
    ]),
    ("Service focus", &[
        (1, "You can take inputs and establish coherent frameworks that work."),
        (2, "You know how to see the bigger picture and can investigate how to get the best of underlying services."),
    ]),
    ("Service Management Framework knowledge", &[
        (0, "You have a Level 3 Service Management Framework qualification."),
        (1, "You have a Level 3 Service Management Framework qualification and knowledge of life-cycle and / or capability elements of ITIL (Information Technology Infrastructure Library)."),
        (2, "You have an expert certificate in Service Management Framework qualification."),
    ]),
    ("Technical specialism", &[
        (0, "You can assist in technical support activities and carry out agreed / routine maintenance and administration tasks."),
        (1, "You can use management system software and tools. You have knowledge of logical schemata to investigate problems, collect performance statistics and create reports. You can carry out routine configuration, installation and reconfiguration of database and related products. You are able to optimise performance and forecast resource needs."),
        (2, "You know how to draft and maintain procedures and documentation. You can set standards for definition, security and integrity of objects and ensure conformance to these standards."),
        (3, "You know the direction for future technologies. You can deliver a model to support and maintain those future technologies and any databases that co-exist in the current environment."),
    ]),
    ("Technical understanding", &[
        (0, "You know about the subject matter and have an understanding of what it involves."),
        (1, "You understand core technical concepts related to the role and can apply them with guidance."),
        (2, "You thoroughly understand the technical concepts required for the role and can explain how these fit into the wider technical landscape."),
    ]),
    ("Testing", &[
        (0, "You can execute test scripts under supervision. You understand the role of testing and how it works."),
        (1, "You can review requirements, specifications and define test conditions. You can identify issues and risks associated with work while being able to analyse and report test activities and results."),
        (2, "You can manage planning of system and/or acceptance tests, coordinating both functional and non-functional specifications. You can provide authoritative advice and guidance on test planning and can identify the process improvements and contribute to definition of best practice."),
        (3, "You can hold responsibility for managing testing activities within development or integration activities. You know how to manage risks and can take preventative action when risks become unacceptable. You can manage customer relations."),
    ]),
];

/// A level: name, summary, and its requirements as (skill name, scale rank).
pub type SeedLevel = (&'static str, &'static str, &'static [(&'static str, usize)]);

/// Every level, lowest first.
pub const LEVELS: &[SeedLevel] = &[
    ("Associate application operations engineer", "As a trainee, you will work in an established team and support application operations engineers in their daily work, under their direction.", &[
        ("Incident management", 0),
        ("Ownership and initiative", 0),
        ("Problem management", 0),
        ("User focus", 0),
    ]),
    ("Application operations engineer", "An application operations engineer maintains services and is responsible for conducting user and security administration. At this level, you will:", &[
        ("Asset and configuration management", 1),
        ("Availability and capacity management", 1),
        ("Change management", 0),
        ("Continual service improvement", 0),
        ("Incident management", 0),
        ("Ownership and initiative", 1),
        ("Problem management", 0),
        ("Service focus", 1),
        ("Service Management Framework knowledge", 0),
        ("Technical specialism", 0),
        ("Technical understanding", 0),
        ("Testing", 0),
        ("User focus", 1),
    ]),
    ("Senior application operations engineer", "Dealing with more complex issues, a senior application operations engineer is responsible for code deployment and coordinating change-based activities such as taking services live. Depending on the complexity and size of a project and the likely impact it will have on the business, you might manage and maintain certain aspects of an application.", &[
        ("Asset and configuration management", 1),
        ("Availability and capacity management", 1),
        ("Change management", 1),
        ("Continual service improvement", 1),
        ("Incident management", 1),
        ("Ownership and initiative", 1),
        ("Problem management", 1),
        ("Service focus", 1),
        ("Service Management Framework knowledge", 0),
        ("Technical specialism", 1),
        ("Technical understanding", 1),
        ("Testing", 1),
        ("User focus", 1),
    ]),
    ("Lead application operations engineer", "A lead application operations engineer defines the application strategy and the strategy for security administration. At this level, you:", &[
        ("Asset and configuration management", 1),
        ("Availability and capacity management", 1),
        ("Change management", 2),
        ("Continual service improvement", 1),
        ("Incident management", 2),
        ("Ownership and initiative", 2),
        ("Problem management", 1),
        ("Service focus", 1),
        ("Service Management Framework knowledge", 1),
        ("Technical specialism", 2),
        ("Technical understanding", 1),
        ("Testing", 2),
        ("User focus", 2),
    ]),
    ("Principal application operations engineer", "A principal application operations engineer owns the application strategy and leads on the resourcing and learning and development for their team. At this level, you will have expert technical understanding and will be accountable for vendor and supplier management.", &[
        ("Asset and configuration management", 2),
        ("Availability and capacity management", 2),
        ("Change management", 2),
        ("Continual service improvement", 2),
        ("Incident management", 2),
        ("Ownership and initiative", 2),
        ("Problem management", 2),
        ("Service focus", 2),
        ("Service Management Framework knowledge", 2),
        ("Technical specialism", 3),
        ("Technical understanding", 2),
        ("Testing", 3),
        ("User focus", 2),
    ]),
];
