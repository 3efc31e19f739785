"""The words on the randomised screens: this package's own bank, not the corpus's.

Written for variety of *shape* (short and long, Chinese, English and mixed,
numbers, codes, amounts, brackets) rather than realism of any one platform;
the lender and app names are invented.
"""

from __future__ import annotations

import random

LENDERS = ["禾苗借款", "云朵分期", "橙子钱包", "快付花", "青松易贷", "米粒金融", "星河速借", "安心借呗呗"]
COLLECTOR_NAMES = ["刘专员", "法务部-陈", "催收小周", "赵经理", "贷后中心", "客服-小雪", "何律师", "调解员吴"]
PEOPLE = ["老妈", "李晓峰", "王静", "张伟", "阿强", "小美", "周杰", "表哥", "房东陈姐", "Kevin", "Lily Zhang", "Tom"]
GROUPS = ["相亲相爱一家人", "302宿舍", "小区业主群", "项目组", "Weekend hikers", "老同学聚会"]
GROUP_MEMBERS = ["大伯", "二姨", "小舅", "Amy", "陈磊", "刘洋", "孙丽", "Jack Li", "王老师", "胖虎"]
PLACES = ["内蒙古呼和浩特", "广东深圳", "浙江杭州", "四川成都", "北京", "上海", "湖南长沙", "河南郑州", "山东济南"]
CARRIERS = ["联通", "移动", "电信"]
MARKS_ZH = ["骚扰电话", "响一声", "疑似催收", "被86人标记为骚扰", "推销电话", "快递送餐"]
MARKS_EN = ["Suspected spam", "Spam risk", "Telemarketer"]

_COLLECTION_ZH = [
    "【{lender}】尊敬的用户，您的借款{amount}元已逾期{days}天，请于今日18点前还款，以免影响征信。",
    "【{lender}】您在本平台的账单已严重逾期，我司将于明日上门核实，请保持电话畅通。",
    "{name}你好，你欠的{amount}元今天必须处理，否则我们会联系你的通讯录好友。",
    "【{lender}】提醒：您的账户已转入法务催收阶段，逾期金额{amount}元，回复TD退订。",
    "再不接电话就去你单位找你，别说没提醒你。",
    "你的紧急联系人{name}已经收到通知了，你自己看着办。",
    "【{lender}】您好，您的还款日为{month}月{day}日，应还{amount}元，请确保银行卡余额充足。",
    "最后通知：今天下午{hour}点前不还，案件直接移交第三方。",
    "你好，我是{lender}的{collector}，关于你的欠款，请回电{phone}。",
    "逾期{days}天了，罚息每天都在涨，早还早解脱。",
]
_COLLECTION_EN = [
    "{lender}: your payment of CNY {amount} is {days} days overdue. Repay today to avoid further fees.",
    "Final notice: contact {phone} about your loan before 6 PM.",
    "Reminder: your bill of {amount} yuan is due on {month}/{day}.",
]
_NOTICES = [
    "【工商银行】您尾号{tail}的储蓄卡{month}月{day}日{hour}:{minute}支出{amount}.00元，余额{balance}元。",
    "【菜鸟驿站】您的包裹已到小区东门驿站，取件码{code}，请尽快领取。",
    "【滴滴出行】验证码{code}，5分钟内有效，请勿泄露给他人。",
    "【中国联通】尊敬的客户，您本月话费账单{amount}.50元，详询10010。",
    "Your verification code is {code}. Do not share it with anyone.",
    "【12306】订单E{tail}{code}，{month}月{day}日G{hour}次列车，检票口A{day}。",
]
_EVERYDAY = [
    "晚上回来吃饭吗？",
    "好的，我马上到",
    "周末一起去爬山吧",
    "收到，谢谢！",
    "明天几点的火车？",
    "妈，我这个月工资发了，下周给你转钱",
    "你把文件发我邮箱就行",
    "哈哈哈笑死我了",
    "路上堵车，晚点到二十分钟",
    "OK, see you at 7",
    "Did you get my message?",
    "那家店关门了，换一家吧",
    "记得带伞，下午有雨",
    "孩子发烧了，我今天请假",
    "我已经跟平台客服说了，他们说会处理",
    "请不要再给我家人打电话，我会按约定还款",
    "我已录音，并向银保监投诉",
    "这个月实在周转不开，能不能宽限几天？",
    "已还款{amount}元，请查收",
]
_REPLIES = [
    "知道了",
    "嗯嗯",
    "我会还的，请给我一点时间",
    "别再打电话了",
    "Okay",
    "谢谢",
    "在开会，晚点回你",
    "好",
]


def phone_number(rng: random.Random) -> tuple[str, str]:
    """(as shown, as the gold sender): a mobile, a gateway, a landline or a service number."""
    kind = rng.random()
    if kind < 0.4:
        digits = rng.choice(["13", "15", "17", "18", "19"]) + "".join(rng.choice("0123456789") for _ in range(9))
        shown = rng.choice(
            [
                digits,
                f"{digits[:3]} {digits[3:7]} {digits[7:]}",
                f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}",
                f"{digits[:3]}-{digits[3:7]}-{digits[7:]}",
            ]
        )
    elif kind < 0.7:
        digits = rng.choice(["10698", "10690", "106575", "1069"]) + "".join(
            rng.choice("0123456789") for _ in range(rng.randint(6, 9))
        )
        shown = digits
    elif kind < 0.85:
        area = rng.choice(["010", "021", "0755", "0571", "028", "0471"])
        local = "".join(rng.choice("0123456789") for _ in range(8 if len(area) == 3 else 7))
        shown = rng.choice([f"{area}-{local}", f"{area} {local}", area + local])
    else:
        shown = rng.choice(["95588", "10086", "95188", "400 820 8820", "10010", "95555"])
    gold = shown.replace(" ", "").replace("-", "")
    return shown, gold


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        lender=rng.choice(LENDERS),
        amount=rng.choice(["3,280", "1280", "560", "12,600", "8000", "499.5"]),
        days=rng.randint(1, 120),
        name=rng.choice(PEOPLE[:10]),
        month=rng.randint(1, 12),
        day=rng.randint(1, 28),
        hour=rng.randint(1, 12),
        minute=f"{rng.randint(0, 59):02d}",
        collector=rng.choice(COLLECTOR_NAMES),
        phone=phone_number(rng)[0],
        tail=rng.randint(1000, 9999),
        code=rng.randint(100000, 999999),
        balance=f"{rng.randint(10, 99999)}.{rng.randint(0, 99):02d}",
    )


def sms_text(rng: random.Random, *, english: bool = False) -> str:
    """One SMS from a lender, a collector, a bank or a service."""
    if english and rng.random() < 0.6:
        return _fill(rng.choice(_COLLECTION_EN), rng)
    pool = _COLLECTION_ZH if rng.random() < 0.65 else _NOTICES
    return _fill(rng.choice(pool), rng)


def chat_text(rng: random.Random, *, collector: bool) -> str:
    """One chat bubble: a collector's threat, everyday talk or a short reply."""
    r = rng.random()
    if collector and r < 0.5:
        return _fill(rng.choice(_COLLECTION_ZH), rng)
    if r < 0.8:
        return _fill(rng.choice(_EVERYDAY), rng)
    return rng.choice(_REPLIES)


def reply_text(rng: random.Random) -> str:
    return _fill(rng.choice(_REPLIES + _EVERYDAY[-5:]), rng)
