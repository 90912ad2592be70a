#include "publish/module.h"

namespace sz::publish {

const module::Info kModule{
    .name = "publish",
    .title = "信息发布",
    .audit =
        {
            .actions =
                {
                    {"article.create", "撰写发布内容"},
                    {"article.update", "修改发布内容"},
                    {"article.submit", "提交审核"},
                    {"article.publish", "审核发布"},
                    {"article.reject", "退回修改"},
                    {"article.withdraw", "撤回发布"},
                },
            .entities =
                {
                    {"article", "发布内容"},
                },
        },
};

}  // namespace sz::publish
