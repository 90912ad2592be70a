#include "assessment/module.h"

namespace sz::assessment {

const module::Info kModule{
    .name = "assessment",
    .title = "评测",
    .audit =
        {
            .actions =
                {
                    {"enterprise.level", "更新数字化水平等级"},
                    {"assessment.create", "新建评测"},
                    {"assessment.save", "保存评测答卷"},
                    {"assessment.submit", "提交评测"},
                    {"assessment.assign", "指派现场评定专家"},
                },
            .entities =
                {
                    {"assessment", "评测"},
                },
            .fields =
                {
                    {"", "score", "得分"},
                    {"", "model_version", "模型版本"},
                },
        },
};

}  // namespace sz::assessment
