/**
 * @module ui/api/generated: the API types, generated from the server's /api/openapi.json by
 * scripts/gen-api-types.ts (`npm run gen:api`). Do not edit: change the route's zod schema and regenerate.
 */
/* biome-ignore-all format: generated */

/** `components.schemas`: the named shapes of the contract. */
export interface Schemas {
  AdminUser: {
    id: string;
    username: string;
    name: string;
    unitId: string;
    unitName: string;
    unitKind: "authority" | "department" | "town" | "public-service";
    roles: string[];
    active: boolean;
    secondFactor: boolean;
    createdAt: string;
    updatedAt: string;
  };
  ApprovalRecord: {
    lines: Schemas["RecordLine"][];
  };
  Attachment: {
    id: string;
    name: string;
    size: number;
    contentType: string;
    createdAt: string;
    url: string;
  };
  AuditEntry: {
    id: string;
    at: string;
    actor: string | null;
    ip: string | null;
    action: string;
    target: string | null;
    outcome: "ok" | "denied" | "failed";
    details: Record<string, unknown> | null;
  };
  BatchResult: {
    taskId: string;
    status: "completed" | "failed";
    error?: {
      code: string;
      message: string;
      messageEn: string;
    };
  };
  Bulletin: {
    id: string;
    title: string;
    periodFrom: string;
    periodTo: string;
    status: string;
    publishedAt: string | null;
    /** 审核人发布时的通报摘要 */
    summary: string | null;
    createdAt: string;
    stats: Schemas["UnitStats"][];
    overdue: Schemas["OverdueItem"][];
    stale: {
      total: number;
      items: Schemas["StaleEntry"][];
    };
  };
  CalendarYear: {
    year: number;
    source: "package" | "admin" | "none";
    holidays: string[];
    makeupWorkdays: string[];
  };
  CatalogEntry: {
    id: string;
    code: string;
    unitId: string;
    unitName: string;
    status: "active" | "retired";
    currentVersion: number;
    systemId: string | null;
    /** 更新周期 (realtime, daily, …, irregular) */
    updateCycle: string | null;
    lastCollectedAt: string | null;
    /** 下次归集截止 (null: 不定期) */
    nextCollectionDue: string | null;
    fields: Record<string, unknown>;
    versions: {
      version: number;
      publishedAt: string;
      publishedBy: string | null;
      fields: Record<string, unknown>;
    }[];
    openChangeInstanceId?: string | null;
  };
  Collection: {
    id: number;
    entryId: string;
    unitId: string;
    at: string;
    records: number | null;
    note: string | null;
    recordedBy: string;
    createdAt: string;
  };
  CompleteResult: {
    task: Schemas["Task"];
    instance: Schemas["ProcessInstance"];
  };
  CreateUnitBody: {
    code: string;
    name: string;
    kind: "authority" | "department" | "town" | "public-service";
  };
  CreateUserBody: {
    username: string;
    name: string;
    unitId: string;
    roles: string[];
    password?: string;
  };
  CreatedUser: Schemas["AdminUser"] & {
    oneTimePassword: string;
  };
  DecisionDefinition: Schemas["DecisionSummary"] & {
    xml: string;
  };
  DecisionEvaluation: {
    variables?: Record<string, unknown>;
  };
  DecisionEvaluationResult: {
    result?: unknown;
    decisionId: string;
    version: number;
    matchedRules: string[];
  };
  DecisionSummary: {
    decisionId: string;
    version: number;
    name: string | null;
    resourceName: string;
    deployedAt: string;
  };
  DeployBody: {
    name?: string;
    resources: {
      name: string;
      content: string;
    }[];
  };
  DeploymentResult: {
    deploymentId: string | null;
    processes: {
      id: string;
      key: string;
      version: number;
      name: string | null;
    }[];
    forms: {
      key: string;
      version: number;
    }[];
    decisions: {
      decisionId: string;
      version: number;
      name: string | null;
    }[];
  };
  DirectoryUser: {
    username: string;
    name: string;
    unitId: string;
    unitName: string;
    roles: string[];
  };
  Draft: {
    data: Record<string, unknown>;
    updatedAt: string;
  };
  Error: {
    error: {
      code: string;
      message: string;
      details?: unknown;
    };
  };
  Form: {
    key: string;
    version: number;
    title: string;
    schema: Record<string, unknown>;
    uiSchema: Record<string, unknown>;
  };
  FormDefinition: {
    key: string;
    title: string;
    schema: Record<string, unknown>;
    uiSchema?: Record<string, unknown>;
  };
  FormSummary: {
    key: string;
    version: number;
    title: string;
  };
  HistoryEvent: {
    at: string;
    type: string;
    elementId?: string;
    actor?: string;
    data?: unknown;
  };
  ImportInvalid: {
    error: {
      code: "IMPORT_INVALID";
      message: string;
      details: Schemas["ImportReport"];
    };
  };
  ImportIssue: {
    sheet: string;
    /** Excel 显示的行号（第 1 行为列名；0 表示整个文件或工作表） */
    row: number;
    /** 列名（中文） */
    column: string;
    message: string;
  };
  ImportReport: {
    kind: "units" | "users" | "catalog" | "systems";
    dryRun: boolean;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    errors: Schemas["ImportIssue"][];
    /** 仅用户导入提交后：新账号的一次性密码，只显示这一次 */
    oneTimePasswords?: {
      username: string;
      oneTimePassword: string;
    }[];
  };
  InboxCounts: {
    todo: number;
    done: number;
    started: number;
    cc: number;
    ccUnread: number;
  };
  InformationSystem: {
    id: string;
    unitId: string;
    name: string;
    description: string | null;
    /** 建设方式：自建 / 共建 / 上级部署 */
    buildMode: "self-built" | "co-built" | "deployed-from-above" | null;
    /** 状态：在用 / 停用 / 迁移中 */
    status: "in-use" | "stopped" | "migrating";
    maintainer: string | null;
    launchDate: string | null;
    /** 部署位置：本地机房 / 政务云 */
    deployment: "local-room" | "gov-cloud" | null;
    onCountyPlatform: boolean;
    retired: boolean;
    retiredAt: string | null;
    createdAt: string;
    updatedAt: string;
  };
  LoginBody: {
    username: string;
    password: string;
    code?: string;
  };
  MessagePublication: {
    name: string;
    correlationKey: string;
    variables?: Record<string, unknown>;
    timeToLive?: number;
    messageId?: string;
  };
  MessagePublicationResult: {
    correlated: number;
    messageKey?: string;
  };
  MigrationReport: {
    migrated: number;
    failed: {
      instanceId: string;
      reason: string;
    }[];
    dryRun: boolean;
    instances: {
      instanceId: string;
      fromVersion: number;
      ok: boolean;
      reason?: string;
      activeElementIds: string[];
      targetElementIds?: string[];
      renamed?: Record<string, string>;
    }[];
  };
  MoveResult: {
    instance: Schemas["ProcessInstance"];
    openedTasks: {
      id: string;
      elementId: string;
      name: string;
    }[];
  };
  Notification: {
    id: string;
    title: string;
    body: string;
    link: string | null;
    kind: string;
    instanceId: string | null;
    readAt: string | null;
    createdAt: string;
  };
  OpenIncident: {
    id: string;
    elementId: string;
    type: string;
    message: string;
    expression?: string;
    createdAt: string;
  };
  OverdueItem: {
    task: {
      id: string;
      name: string;
      elementId: string;
      processInstanceId: string;
      processKey: string;
      businessKey: string | null;
      assignee: string | null;
      candidateGroups: string[];
      createdAt: string;
      dueAt: string;
    };
    unitId: string | null;
    unitName: string | null;
    dueAt: string;
    dueProvisional: boolean;
    overdueWorkdays: number;
  };
  PasswordBody: {
    password: string;
  };
  PasswordChangeBody: {
    currentPassword: string;
    newPassword: string;
  };
  Person: {
    username: string;
    name: string;
    unitId: string;
    unitName: string;
    label: string;
  };
  ProcessDefinition: {
    id: string;
    key: string;
    version: number;
    name: string | null;
    xml: string;
    startForm?: {
      key: string;
      version: number;
      title: string;
      schema: Record<string, unknown>;
      uiSchema: Record<string, unknown>;
    };
  };
  ProcessDefinitionSummary: {
    id: string;
    key: string;
    version: number;
    name: string | null;
    deployedAt: string;
    canStart: boolean;
  };
  ProcessInstance: {
    id: string;
    processKey: string;
    version: number;
    businessKey: string | null;
    status: "active" | "completed" | "cancelled" | "incident";
    variables: Record<string, unknown>;
    activeElementIds: string[];
    startedAt: string;
    endedAt?: string;
    startedBy?: string;
    unitId?: string;
    parentInstanceId?: string;
  };
  ProvisionalDeadline: {
    taskId: string;
    taskName: string;
    processInstanceId: string;
    processKey: string;
    processName: string | null;
    businessKey: string | null;
    unitId: string | null;
    unitName: string | null;
    createdAt: string;
    dueAt: string;
    missingYears: number[];
  };
  RecordField: {
    key: string;
    label: string;
    labelEn?: string;
    text: string;
    attachments?: string[];
  };
  RecordLine: {
    at: string;
    kind: string;
    action: string;
    actionEn: string;
    tone: "submit" | "approve" | "return" | "reject" | "neutral";
    actor?: string;
    actorLabel?: string;
    step?: string;
    elementId?: string;
    taskId?: string;
    round?: number;
    opinion?: string;
    targets?: string[];
    fields: Schemas["RecordField"][];
  };
  Role: {
    key: string;
    name: string;
    nameEn: string;
    countyWide: boolean;
  };
  RoleInfo: {
    key: string;
    name: string;
    nameEn: string;
    countyWide: boolean;
    unitKinds: ("authority" | "department" | "town" | "public-service")[];
  };
  SameItems: {
    items: {
      name: string;
      total: number;
      entries: {
        entryId: string;
        code: string;
        resourceName: string;
        unitId: string;
        unitName: string;
      }[];
    }[];
  };
  SignalBroadcast: {
    name: string;
    variables?: Record<string, unknown>;
  };
  SignalBroadcastResult: {
    triggered: number;
  };
  StaleEntry: {
    entryId: string;
    code: string;
    name: string;
    unitId: string;
    unitName: string;
    updateCycle: string | null;
    lastCollectedAt: string | null;
    dueAt: string;
  };
  Task: {
    id: string;
    name: string;
    elementId: string;
    processInstanceId: string;
    processKey: string;
    businessKey: string | null;
    title?: string;
    status: "open" | "completed" | "cancelled";
    assignee?: string;
    owner?: string;
    candidateGroups: string[];
    candidateUsers: string[];
    unitId?: string;
    createdAt: string;
    dueAt?: string;
    dueProvisional: boolean;
    overdue: boolean;
    formKey?: string;
    formVersion?: number;
    completedAt?: string;
    completedBy?: string;
  };
  TaskCopy: {
    id: string;
    instanceId: string;
    taskId: string;
    elementId: string;
    taskName: string;
    processKey: string;
    businessKey: string | null;
    copiedBy: string | null;
    comment: string | null;
    readAt: string | null;
    createdAt: string;
  };
  TaskDetail: Schemas["Task"] & {
    variables: Record<string, unknown>;
    formData?: Record<string, unknown>;
    form?: Schemas["TaskForm"];
  };
  TaskForm: {
    key: string;
    version: number;
    title: string;
    schema: Record<string, unknown>;
    uiSchema: Record<string, unknown>;
  };
  TaskRecord: {
    lines: Schemas["RecordLine"][];
    previous: Schemas["RecordLine"][];
    round: number;
  };
  TotpConfirmBody: {
    code: string;
  };
  TotpEnrolment: {
    secret: string;
    otpauthUrl: string;
  };
  TrendWeek: {
    weekStart: string;
    received: number;
    rectified: number;
    rectifiedLate: number;
  };
  UncataloguedSystem: Schemas["InformationSystem"] & {
    unitName: string;
  };
  Unit: {
    id: string;
    code: string;
    name: string;
    kind: "authority" | "department" | "town" | "public-service";
    active: boolean;
    example: boolean;
  };
  UnitStats: {
    unitId: string;
    unitName: string;
    problemsReceived: number;
    problemsRectified: number;
    rectifiedOnTime: number;
    overdueNow: number;
    avgWorkdaysToFix: number | null;
    reworkRounds: number;
    entriesRegistered: number;
    entriesChanged: number;
    entriesReturned: number;
    /** 超过更新周期未归集的目录条目 (now) */
    entriesStale: number;
  };
  UpdateUnitBody: {
    name?: string;
    kind?: "authority" | "department" | "town" | "public-service";
    active?: boolean;
  };
  UpdateUserBody: {
    name?: string;
    unitId?: string;
    roles?: string[];
  };
  UrgeResult: {
    taskId: string;
    urgedAt: string;
  };
  User: {
    id: string;
    username: string;
    name: string;
    unitId: string;
    unitName: string;
    roles: string[];
    mustChangePassword?: boolean;
    mustEnrolSecondFactor?: boolean;
    secondFactor?: boolean;
  };
}

/** Each operation by path and method: path and query parameters, JSON body, responses by status. */
export interface Paths {
  "/api/admin/roles": {
    /** 角色列表 / the role keys with names */
    get: {
      responses: {
        200: {
          items: Schemas["Role"][];
        };
      };
    };
  };
  "/api/admin/units": {
    /** 新增单位 / add a unit (security.admin) */
    post: {
      body: Schemas["CreateUnitBody"];
      responses: {
        201: Schemas["Unit"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/admin/units/{id}": {
    /** 修改单位 / rename, set kind, deactivate or activate (security.admin) */
    patch: {
      path: { id: string };
      body: Schemas["UpdateUnitBody"];
      responses: {
        200: Schemas["Unit"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/admin/users": {
    /** 用户列表 / users with unit and roles (security.admin) */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        unitId?: string;
        role?: string;
        q?: string;
      };
      responses: {
        200: {
          items: Schemas["AdminUser"][];
          total: number;
          page: number;
          pageSize: number;
        };
        403: Schemas["Error"];
      };
    };
    /** 新建用户 / create a user with a one-time password (given or generated) */
    post: {
      body: Schemas["CreateUserBody"];
      responses: {
        201: Schemas["CreatedUser"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/admin/users/{id}": {
    /** 修改用户 / change name, unit or roles */
    patch: {
      path: { id: string };
      body: Schemas["UpdateUserBody"];
      responses: {
        200: Schemas["AdminUser"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/admin/users/{id}/disable": {
    /** 停用用户 / disable: login refused, sessions end */
    post: {
      path: { id: string };
      responses: {
        200: Schemas["AdminUser"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/admin/users/{id}/enable": {
    /** 启用用户 / enable */
    post: {
      path: { id: string };
      responses: {
        200: Schemas["AdminUser"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/admin/users/{id}/password": {
    /** 重置密码 / set a one-time password; the user must change it, their sessions end */
    post: {
      path: { id: string };
      body: Schemas["PasswordBody"];
      responses: {
        204: never;
        400: Schemas["Error"];
        403: Schemas["Error"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/admin/users/{id}/totp/reset": {
    /** 重置两步验证 / remove a user’s second factor (lost phone): their sessions end, they enrol again */
    post: {
      path: { id: string };
      responses: {
        204: never;
        403: Schemas["Error"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/attachments": {
    /** 上传附件（multipart，字段 file，≤ 5 MB） / upload a file (multipart field "file") */
    post: {
      responses: {
        201: Schemas["Attachment"];
        400: Schemas["Error"];
        413: Schemas["Error"];
        429: Schemas["Error"];
      };
    };
  };
  "/api/attachments/{id}": {
    /** 下载附件 / the file */
    get: {
      path: { id: string };
      responses: {
        200: never;
        404: Schemas["Error"];
      };
    };
  };
  "/api/attachments/{id}/meta": {
    /** 附件信息 / name, size and type */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["Attachment"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/audit": {
    /** 安全审计日志 / the audit log, newest first (audit.admin) */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        from?: string;
        to?: string;
        actor?: string;
        action?: string;
      };
      responses: {
        200: {
          items: Schemas["AuditEntry"][];
          total: number;
          page: number;
          pageSize: number;
        };
        403: Schemas["Error"];
      };
    };
  };
  "/api/audit/export.xlsx": {
    /** 导出审计日志 / the audit log as a workbook, same filters (audit.admin) */
    get: {
      query: {
        from?: string;
        to?: string;
        actor?: string;
        action?: string;
      };
      responses: {
        200: never;
        403: Schemas["Error"];
      };
    };
  };
  "/api/auth/login": {
    /** 登录 / log in (with `code` when the account has a second factor) */
    post: {
      body: Schemas["LoginBody"];
      responses: {
        200: {
          token: string;
          user: Schemas["User"];
        };
        401: Schemas["Error"];
        423: Schemas["Error"];
      };
    };
  };
  "/api/auth/logout": {
    /** 退出登录 / log out: the session ends on every server process */
    post: {
      responses: {
        204: never;
      };
    };
  };
  "/api/calendar/provisional": {
    /** 暂定期限 / open tasks whose deadline is provisional until a year is loaded (authority.admin) */
    get: {
      query: {
        limit?: number;
      };
      responses: {
        200: {
          items: Schemas["ProvisionalDeadline"][];
          total: number;
          missingYears: number[];
        };
        403: Schemas["Error"];
      };
    };
  };
  "/api/calendar/{year}": {
    /** 工作日历 / the working-day schedule of a year */
    get: {
      path: { year: number };
      responses: {
        200: Schemas["CalendarYear"];
      };
    };
    /** 载入年度放假安排 / load a year (authority.admin); recomputes provisional deadlines */
    put: {
      path: { year: number };
      body: {
        holidays: string[];
        makeupWorkdays: string[];
      };
      responses: {
        200: Schemas["CalendarYear"] & {
          recomputed: number;
        };
        400: Schemas["Error"];
      };
    };
  };
  "/api/catalog/entries": {
    /** 资源目录 / catalog entries (published, county-wide) */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        unitId?: string;
        q?: string;
        category?: string;
        sharing?: string;
        opening?: string;
        systemId?: string;
        status?: "active" | "retired";
        stale?: "true" | "false";
      };
      responses: {
        200: {
          items: Schemas["CatalogEntry"][];
          total: number;
          page: number;
          pageSize: number;
        };
      };
    };
  };
  "/api/catalog/entries/{id}": {
    /** 目录条目及其版本 / one entry with its versions */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["CatalogEntry"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/catalog/entries/{id}/collections": {
    /** 归集记录 / the entry's latest 50 collections, newest first */
    get: {
      path: { id: string };
      responses: {
        200: {
          items: Schemas["Collection"][];
        };
        404: Schemas["Error"];
      };
    };
    /** 登记归集 / record a collection into the county platform (unit cataloguer or platform.collector) */
    post: {
      path: { id: string };
      body: {
        /** 归集时间 (默认当前) */
        at?: string;
        records?: number;
        note?: string;
      };
      responses: {
        201: Schemas["Collection"] & {
          lastCollectedAt: string;
          nextCollectionDue: string | null;
        };
        400: Schemas["Error"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/catalog/export.xlsx": {
    /** 导出资源目录 / the catalog (list filters) in the import layout: 目录 + 数据项 */
    get: {
      query: {
        unitId?: string;
        q?: string;
        category?: string;
        sharing?: string;
        opening?: string;
        systemId?: string;
        status?: "active" | "retired";
        stale?: "true" | "false";
      };
      responses: {
        200: never;
      };
    };
  };
  "/api/catalog/same-items": {
    /** 同名数据项 (一数一源) / other units' active entries carrying data items of these names */
    get: {
      query: {
        names?: string;
        excludeUnitId?: string;
      };
      responses: {
        200: Schemas["SameItems"];
        400: Schemas["Error"];
      };
    };
  };
  "/api/catalog/systems": {
    /** 信息系统普查 / information systems of a unit (or all) */
    get: {
      query: {
        unitId?: string;
        includeRetired?: "true" | "false";
      };
      responses: {
        200: {
          items: Schemas["InformationSystem"][];
        };
      };
    };
    /** 登记信息系统 / add a system to your unit (unit.cataloguer) */
    post: {
      body: {
        name: string;
        description?: string;
        /** 建设方式：自建 / 共建 / 上级部署 */
        buildMode?: "self-built" | "co-built" | "deployed-from-above" | null;
        /** 状态：在用 / 停用 / 迁移中 */
        status?: "in-use" | "stopped" | "migrating";
        maintainer?: string | null;
        /** 上线时间 YYYY-MM-DD */
        launchDate?: string | null;
        /** 部署位置：本地机房 / 政务云 */
        deployment?: "local-room" | "gov-cloud" | null;
        onCountyPlatform?: boolean;
      };
      responses: {
        201: Schemas["InformationSystem"];
        403: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/catalog/systems/uncatalogued": {
    /** 未编目的信息系统 / systems in use that no active catalog entry names */
    get: {
      query: {
        unitId?: string;
      };
      responses: {
        200: {
          items: Schemas["UncataloguedSystem"][];
        };
      };
    };
  };
  "/api/catalog/systems/{id}": {
    /** 修改信息系统 / edit a system of your unit */
    put: {
      path: { id: string };
      body: {
        name?: string;
        description?: string;
        /** 建设方式：自建 / 共建 / 上级部署 */
        buildMode?: "self-built" | "co-built" | "deployed-from-above" | null;
        /** 状态：在用 / 停用 / 迁移中 */
        status?: "in-use" | "stopped" | "migrating";
        maintainer?: string | null;
        /** 上线时间 YYYY-MM-DD */
        launchDate?: string | null;
        /** 部署位置：本地机房 / 政务云 */
        deployment?: "local-room" | "gov-cloud" | null;
        onCountyPlatform?: boolean;
      };
      responses: {
        200: Schemas["InformationSystem"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/catalog/systems/{id}/retire": {
    /** 信息系统退役 / retire a system of your unit (no active entry may name it) */
    post: {
      path: { id: string };
      responses: {
        200: Schemas["InformationSystem"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/cc": {
    /** 抄送我的 / what was copied to me, newest first, with the unread count */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        unread?: "true" | "false";
      };
      responses: {
        200: {
          items: Schemas["TaskCopy"][];
          total: number;
          page: number;
          pageSize: number;
          unread: number;
        };
      };
    };
  };
  "/api/cc/read": {
    /** 抄送标记已读 / mark some (ids) or all of my copies read */
    post: {
      body: {
        ids?: string[];
      };
      responses: {
        200: {
          updated: number;
        };
      };
    };
  };
  "/api/decisions": {
    /** 已部署的决策 / deployed decisions, latest versions (authority.admin) */
    get: {
      responses: {
        200: Schemas["DecisionSummary"][];
        403: Schemas["Error"];
      };
    };
  };
  "/api/decisions/{id}": {
    /** 决策文件 / the latest version of a decision with its .dmn file (authority.admin) */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["DecisionDefinition"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/decisions/{id}/evaluate": {
    /** 决策求值 / evaluate a deployed decision (authority.admin, platform.integration) */
    post: {
      path: { id: string };
      body: Schemas["DecisionEvaluation"];
      responses: {
        200: Schemas["DecisionEvaluationResult"];
        400: Schemas["Error"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/deployments": {
    /** 部署流程与表单 / deploy BPMN and form resources (authority.admin) */
    post: {
      body: Schemas["DeployBody"];
      responses: {
        200: Schemas["DeploymentResult"];
        201: Schemas["DeploymentResult"];
        400: Schemas["Error"];
      };
    };
  };
  "/api/drafts/{kind}/{ref}": {
    /** 读取暂存 / my draft of a task or start form (null when none) */
    get: {
      path: { kind: "task" | "start"; ref: string };
      responses: {
        200: {
          draft: {
            data: Record<string, unknown>;
            updatedAt: string;
          } | null;
        };
        404: Schemas["Error"];
      };
    };
    /** 暂存 / save my draft (replaces the previous one) */
    put: {
      path: { kind: "task" | "start"; ref: string };
      body: {
        data: Record<string, unknown>;
      };
      responses: {
        200: Schemas["Draft"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
    /** 放弃暂存 / discard my draft */
    delete: {
      path: { kind: "task" | "start"; ref: string };
      responses: {
        200: {
          removed: boolean;
        };
      };
    };
  };
  "/api/forms": {
    /** 表单列表（各表单最新版本） / the latest version of every form */
    get: {
      responses: {
        200: Schemas["FormSummary"][];
      };
    };
    /** 保存表单新版本（authority.admin） / save the next version; identical content answers 200 with the latest */
    post: {
      body: Schemas["FormDefinition"];
      responses: {
        200: Schemas["Form"];
        201: Schemas["Form"];
        400: Schemas["Error"];
        403: Schemas["Error"];
      };
    };
  };
  "/api/forms/check": {
    /** 检查表单定义而不保存（设计器用） / check a definition without saving (for the designer) */
    post: {
      body: Record<string, unknown>;
      responses: {
        200: {
          ok: boolean;
          issues: {
            path: string;
            message: string;
            messageEn: string;
          }[];
        };
      };
    };
  };
  "/api/forms/{key}": {
    /** 表单定义（默认最新版本） / a form, the latest version unless ?version= is given */
    get: {
      path: { key: string };
      query: {
        version?: number;
      };
      responses: {
        200: Schemas["Form"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/forms/{key}/versions": {
    /** 表单的所有版本 / every version of a form, oldest first */
    get: {
      path: { key: string };
      responses: {
        200: {
          version: number;
          title: string;
          createdBy: string | null;
          createdAt: string;
        }[];
        404: Schemas["Error"];
      };
    };
  };
  "/api/imports/{kind}": {
    /** 导入（multipart 字段 file，.xlsx ≤ 20 MB）/ dry run or commit a workbook, all or nothing */
    post: {
      path: { kind: "units" | "users" | "catalog" | "systems" };
      query: {
        dryRun?: "true" | "false";
      };
      responses: {
        200: Schemas["ImportReport"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        413: Schemas["Error"];
        422: Schemas["ImportInvalid"];
      };
    };
  };
  "/api/imports/{kind}/template.xlsx": {
    /** 导入模板 / the empty workbook with Chinese headers and a 说明 sheet */
    get: {
      path: { kind: "units" | "users" | "catalog" | "systems" };
      responses: {
        200: never;
        403: Schemas["Error"];
      };
    };
  };
  "/api/me": {
    /** 当前用户 / the logged-in user */
    get: {
      responses: {
        200: Schemas["User"];
      };
    };
  };
  "/api/me/password": {
    /** 修改密码 / change my password: ≥ 10 characters, 3 of lower/upper/digit/symbol, not the username, not the current one */
    post: {
      body: Schemas["PasswordChangeBody"];
      responses: {
        204: never;
        400: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/me/totp": {
    /** 绑定两步验证 / start TOTP enrolment: a secret and its otpauth:// URL (for a QR code) */
    post: {
      responses: {
        200: Schemas["TotpEnrolment"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/me/totp/confirm": {
    /** 确认两步验证 / confirm with the first code; answers 10 one-use recovery codes, shown once */
    post: {
      body: Schemas["TotpConfirmBody"];
      responses: {
        200: {
          recoveryCodes: string[];
        };
        400: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/messages": {
    /** 发布消息 / publish a message (authority.admin, platform.integration) */
    post: {
      body: Schemas["MessagePublication"];
      responses: {
        200: Schemas["MessagePublicationResult"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/notifications": {
    /** 我的通知 / my notifications, newest first, with the unread count */
    get: {
      query: {
        unread?: "true" | "false";
        limit?: number;
      };
      responses: {
        200: {
          items: Schemas["Notification"][];
          unread: number;
        };
      };
    };
  };
  "/api/notifications/read": {
    /** 标记已读 / mark some (ids) or all of my notifications read */
    post: {
      body: {
        ids?: string[];
      };
      responses: {
        200: {
          updated: number;
        };
      };
    };
  };
  "/api/people": {
    /** 人员显示名 / display names with units for usernames (comma separated, at most 100) */
    get: {
      query: {
        usernames?: string;
      };
      responses: {
        200: {
          items: Schemas["Person"][];
        };
      };
    };
  };
  "/api/process-definitions": {
    /** 流程定义列表 / process definitions */
    get: {
      query: {
        latest?: "true" | "false";
        key?: string;
      };
      responses: {
        200: Schemas["ProcessDefinitionSummary"][];
      };
    };
  };
  "/api/process-definitions/{key}": {
    /** 最新版本 / the latest version, with XML and start form */
    get: {
      path: { key: string };
      responses: {
        200: Schemas["ProcessDefinition"];
      };
    };
  };
  "/api/process-definitions/{key}/migrate": {
    /** 迁移流程实例 / move every running instance of one version onto another (dryRun: report only) */
    post: {
      path: { key: string };
      body: {
        fromVersion: number;
        toVersion: number;
        mappings?: {
          source: string;
          target: string;
        }[];
        dryRun?: boolean;
      };
      responses: {
        200: Schemas["MigrationReport"];
        400: Schemas["Error"];
        403: Schemas["Error"];
      };
    };
  };
  "/api/process-definitions/{key}/versions/{version}": {
    /** 指定版本 / one version */
    get: {
      path: { key: string; version: number };
      responses: {
        200: Schemas["ProcessDefinition"];
      };
    };
  };
  "/api/process-instances": {
    /** 流程实例列表 / instances the caller may see */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        processKey?: string;
        status?: "active" | "completed" | "cancelled" | "incident";
        businessKey?: string;
        startedBy?: "me";
      };
      responses: {
        200: {
          items: Schemas["ProcessInstance"][];
          total: number;
          page: number;
          pageSize: number;
        };
      };
    };
    /** 发起流程 / start a process (its start form validates the variables) */
    post: {
      body: {
        processKey: string;
        businessKey?: string;
        variables?: Record<string, unknown>;
      };
      responses: {
        201: Schemas["ProcessInstance"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/process-instances/{id}": {
    /** 流程实例 / one instance, with its open incidents */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["ProcessInstance"] & {
          incidents: Schemas["OpenIncident"][];
        };
      };
    };
  };
  "/api/process-instances/{id}/cancel": {
    /** 撤销流程 / cancel an instance (authority.admin) */
    post: {
      path: { id: string };
      body: {
        reason: string;
      };
      responses: {
        200: Schemas["ProcessInstance"];
      };
    };
  };
  "/api/process-instances/{id}/history": {
    /** 办理记录 / the instance history, oldest first */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["HistoryEvent"][];
      };
    };
  };
  "/api/process-instances/{id}/migration": {
    /** 迁移单个实例 / move one instance onto another version */
    post: {
      path: { id: string };
      body: {
        targetVersion: number;
        mappings?: {
          source: string;
          target: string;
        }[];
        dryRun?: boolean;
      };
      responses: {
        200: Schemas["MigrationReport"];
        400: Schemas["Error"];
        403: Schemas["Error"];
      };
    };
  };
  "/api/process-instances/{id}/modification": {
    /** 修改实例 / activate and terminate elements of one instance (move to step) */
    post: {
      path: { id: string };
      body: {
        activate?: {
          elementId: string;
          variables?: Record<string, unknown>;
        }[];
        terminate?: {
          elementId: string;
        }[];
        comment?: string;
      };
      responses: {
        200: Schemas["ProcessInstance"];
        400: Schemas["Error"];
        403: Schemas["Error"];
      };
    };
  };
  "/api/process-instances/{id}/open-tasks": {
    /** 当前环节 / the open tasks of an instance, for anyone who may see the instance (催办 from 我发起的) */
    get: {
      path: { id: string };
      responses: {
        200: {
          items: Schemas["Task"][];
        };
        404: Schemas["Error"];
      };
    };
  };
  "/api/process-instances/{id}/record": {
    /** 审批记录 / the approval record: one line per human act, oldest first */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["ApprovalRecord"];
      };
    };
  };
  "/api/process-instances/{id}/revoke": {
    /** 撤销 / the starter cancels the request */
    post: {
      path: { id: string };
      body: {
        reason: string;
      };
      responses: {
        200: Schemas["ProcessInstance"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/process-instances/{id}/withdraw": {
    /** 撤回 / the starter pulls the request back before anyone acted */
    post: {
      path: { id: string };
      body: {
        comment?: string;
      };
      responses: {
        200: Schemas["MoveResult"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/roles": {
    /** 角色目录 / the role catalog: names, county-wide or not, which unit kinds may hold each */
    get: {
      responses: {
        200: {
          items: Schemas["RoleInfo"][];
        };
      };
    };
  };
  "/api/signals": {
    /** 广播信号 / broadcast a signal (authority.admin, platform.integration) */
    post: {
      body: Schemas["SignalBroadcast"];
      responses: {
        200: Schemas["SignalBroadcastResult"];
        400: Schemas["Error"];
        403: Schemas["Error"];
      };
    };
  };
  "/api/supervision/bulletin.xlsx": {
    /** 通报 Excel / the bulletin of a period as a workbook */
    get: {
      query: {
        from?: string;
        to?: string;
      };
      responses: {
        200: never;
        403: Schemas["Error"];
      };
    };
  };
  "/api/supervision/bulletins": {
    /** 已生成的通报 / bulletins prepared by the monthly process (unit leaders: published ones) */
    get: {
      responses: {
        200: {
          items: {
            id: string;
            title: string;
            periodFrom: string;
            periodTo: string;
            status: string;
            publishedAt: string | null;
          }[];
        };
        403: Schemas["Error"];
      };
    };
  };
  "/api/supervision/bulletins/{id}": {
    /** 通报 / one bulletin with its frozen figures and summary (unit leaders: published ones) */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["Bulletin"];
        403: Schemas["Error"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/supervision/bulletins/{id}/xlsx": {
    /** 通报 Excel (冻结数据) / a prepared bulletin as a workbook */
    get: {
      path: { id: string };
      responses: {
        200: never;
        403: Schemas["Error"];
        404: Schemas["Error"];
      };
    };
  };
  "/api/supervision/overdue": {
    /** 逾期事项 / open tasks past due, with overdue working days */
    get: {
      query: {
        unitId?: string;
      };
      responses: {
        200: {
          items: Schemas["OverdueItem"][];
        };
        403: Schemas["Error"];
      };
    };
  };
  "/api/supervision/stale-entries": {
    /** 更新超期目录 / active entries past their collection deadline, most overdue first (unit leader and cataloguer: own unit) */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        unitId?: string;
      };
      responses: {
        200: {
          items: Schemas["StaleEntry"][];
          total: number;
          page: number;
          pageSize: number;
        };
        403: Schemas["Error"];
      };
    };
  };
  "/api/supervision/stats": {
    /** 各单位统计 / per-unit statistics of a period */
    get: {
      query: {
        from?: string;
        to?: string;
      };
      responses: {
        200: {
          items: Schemas["UnitStats"][];
        };
        403: Schemas["Error"];
      };
    };
  };
  "/api/supervision/trend": {
    /** 周趋势 / problems received, rectified and rectified late per China week (Monday start), period ≤ 2 years */
    get: {
      query: {
        from?: string;
        to?: string;
      };
      responses: {
        200: {
          weeks: Schemas["TrendWeek"][];
          openProblems: number;
        };
        400: Schemas["Error"];
        403: Schemas["Error"];
      };
    };
  };
  "/api/tasks": {
    /** 任务列表 / the inbox: mine, group (to claim) or all I may see */
    get: {
      query: {
        page?: number;
        pageSize?: number;
        scope?: "mine" | "group" | "all" | "done";
        status?: "open" | "completed" | "cancelled";
        processKey?: string;
        processInstanceId?: string;
        overdue?: "true" | "false";
        unitId?: string;
      };
      responses: {
        200: {
          items: Schemas["Task"][];
          total: number;
          page: number;
          pageSize: number;
        };
      };
    };
  };
  "/api/tasks/complete-batch": {
    /** 批量审批 / complete several tasks with the same variables and opinion, each on its own */
    post: {
      body: {
        taskIds: string[];
        variables?: Record<string, unknown>;
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: {
          results: Schemas["BatchResult"][];
        };
      };
    };
  };
  "/api/tasks/counts": {
    /** 收件箱计数 / counts of 待办, 已办, 我发起的, 抄送我的 (and unread) */
    get: {
      responses: {
        200: Schemas["InboxCounts"];
      };
    };
  };
  "/api/tasks/{id}": {
    /** 任务详情 / a task with its variables, form and prefilled form data */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["TaskDetail"];
      };
    };
  };
  "/api/tasks/{id}/add-signers": {
    /** 加签 / add signers before, after or beside the holder */
    post: {
      path: { id: string };
      body: {
        usernames: string[];
        mode: "before" | "after" | "parallel";
        comment?: string;
      };
      responses: {
        200: Schemas["MoveResult"];
        400: Schemas["Error"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/cc": {
    /** 抄送 / copy the task to people */
    post: {
      path: { id: string };
      body: {
        usernames: string[];
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: {
          copied: string[];
        };
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/claim": {
    /** 领取任务 / claim */
    post: {
      path: { id: string };
      responses: {
        200: Schemas["Task"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/complete": {
    /** 办理完成 / complete (the task form validates the variables) */
    post: {
      path: { id: string };
      body: {
        variables?: Record<string, unknown>;
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: Schemas["CompleteResult"];
        409: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/delegate": {
    /** 委派 / delegate: `to` works on it, then resolves it back to the caller */
    post: {
      path: { id: string };
      body: {
        to: string;
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: Schemas["Task"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/record": {
    /** 审批记录与前序环节 / the record of the task’s instance and the steps completed before it */
    get: {
      path: { id: string };
      responses: {
        200: Schemas["TaskRecord"];
      };
    };
  };
  "/api/tasks/{id}/remove-signers": {
    /** 减签 / remove added signers who have not signed */
    post: {
      path: { id: string };
      body: {
        usernames: string[];
      };
      responses: {
        200: Schemas["MoveResult"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/resolve": {
    /** 交还 / resolve: the delegate hands the task back to its owner */
    post: {
      path: { id: string };
      body: {
        variables?: Record<string, unknown>;
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: Schemas["Task"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/return": {
    /** 退回 / return to an earlier step */
    post: {
      path: { id: string };
      body: {
        toElementId: string;
        comment: string;
      };
      responses: {
        200: Schemas["MoveResult"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/return-targets": {
    /** 可退回的步骤 / steps this task may be returned to */
    get: {
      path: { id: string };
      responses: {
        200: {
          elementId: string;
          name: string;
          lastAssignee: string | null;
        }[];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/transfer": {
    /** 转办 / transfer: the task becomes `to`’s (due date kept) */
    post: {
      path: { id: string };
      body: {
        to: string;
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: Schemas["Task"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
        422: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/unclaim": {
    /** 退回待领取 / unclaim */
    post: {
      path: { id: string };
      responses: {
        200: Schemas["Task"];
        409: Schemas["Error"];
      };
    };
  };
  "/api/tasks/{id}/urge": {
    /** 催办 / urge the task’s holder (starter or supervisor; once an hour) */
    post: {
      path: { id: string };
      body: {
        /** 审批意见 / the opinion */
        comment?: string;
      };
      responses: {
        200: Schemas["UrgeResult"];
        403: Schemas["Error"];
        404: Schemas["Error"];
        409: Schemas["Error"];
        422: Schemas["Error"];
        429: Schemas["Error"];
      };
    };
  };
  "/api/units": {
    /** 单位列表 / the county units, inactive ones included (`active: false`) */
    get: {
      query: {
        q?: string;
      };
      responses: {
        200: {
          items: Schemas["Unit"][];
        };
      };
    };
  };
  "/api/users": {
    /** 通讯录 / enabled colleagues by unit, role or name (the people picker; at most 50) */
    get: {
      query: {
        unitId?: string;
        role?: string;
        q?: string;
      };
      responses: {
        200: {
          items: Schemas["DirectoryUser"][];
        };
      };
    };
  };
}

export type ApiPath = keyof Paths;
/** The methods a path has. */
export type ApiMethod<P extends ApiPath> = keyof Paths[P] & string;
type Op<P extends ApiPath, M extends ApiMethod<P>> = Paths[P][M];
type ResponsesOf<P extends ApiPath, M extends ApiMethod<P>> = Op<P, M> extends { responses: infer R } ? R : never;
/** The JSON body of a response (the 200/201 one unless a status is named). */
export type ApiResponse<
  P extends ApiPath,
  M extends ApiMethod<P>,
  S extends keyof ResponsesOf<P, M> = Extract<keyof ResponsesOf<P, M>, 200 | 201 | 204>,
> = ResponsesOf<P, M>[S];
/** The JSON request body of an operation. */
export type ApiBody<P extends ApiPath, M extends ApiMethod<P>> = Op<P, M> extends { body: infer B } ? B : never;
/** The query parameters of an operation. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod<P>> = Op<P, M> extends { query: infer Q } ? Q : never;
